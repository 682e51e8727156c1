using BackOffice.Kernel.Narration;
using Xunit.Abstractions;

namespace BackOffice.Tests.Narration;

/// <summary>
/// The perturbation corpus (issue 15): every faithful placeholder narrative of <see cref="NarrativeCorpusItems"/> must
/// pass <see cref="PlaceholderGuard"/>, and every meaning-changing edit of one (<see cref="NarrativePerturbations"/>)
/// must be rejected. Prints pass and reject counts per kind, the figures reported in the issue note.
/// </summary>
public sealed class NarrativeCorpusTests(ITestOutputHelper output)
{
    private sealed record Case(string Kind, string Item, string Text, bool Faithful, FirewallVerdict Verdict);

    private static List<Case> Run()
    {
        var cases = new List<Case>();
        foreach (var item in NarrativeCorpusItems.All)
        {
            cases.AddRange(item.Faithful.Select(t => new Case("faithful", item.Name, t, true, PlaceholderGuard.Check(t, item.Slots))));
            var variant = 0;
            foreach (var text in item.Faithful)
            {
                foreach (var (kind, apply) in NarrativePerturbations.Kinds)
                {
                    if (apply(text, item.Slots, variant++) is { } perturbed && perturbed != text)
                    {
                        cases.Add(new Case(kind, item.Name, perturbed, false, PlaceholderGuard.Check(perturbed, item.Slots)));
                    }
                }
            }

            cases.AddRange(NarrativePerturbations.EmptyReplies.Select(t => new Case("empty or figureless reply", item.Name, t, false, PlaceholderGuard.Check(t, item.Slots))));
        }

        return cases;
    }

    [Fact]
    public void Corpus_FaithfulAndPerturbedNarratives_AllFaithfulPassAndAllPerturbedAreRejected()
    {
        var cases = Run();
        output.WriteLine($"{"kind",-32} {"cases",6} {"passed",7} {"rejected",9}");
        foreach (var group in cases.GroupBy(c => c.Kind))
        {
            output.WriteLine($"{group.Key,-32} {group.Count(),6} {group.Count(c => c.Verdict.Passed),7} {group.Count(c => !c.Verdict.Passed),9}   e.g. {group.First().Verdict.Violations.FirstOrDefault()}");
        }

        var perturbed = cases.Where(c => !c.Faithful).ToList();
        output.WriteLine($"faithful {cases.Count(c => c.Faithful)}, perturbed {perturbed.Count} across {perturbed.Select(c => c.Kind).Distinct().Count()} kinds");
        var wrong = cases.Where(c => c.Verdict.Passed != c.Faithful).ToList();
        foreach (var c in wrong.Take(40))
        {
            output.WriteLine($"WRONG [{c.Kind}] {c.Item}: {c.Text} => {string.Join("; ", c.Verdict.Violations)}");
        }

        Assert.True(cases.Count(c => c.Faithful) >= 100, "at least 100 faithful narratives");
        Assert.True(perturbed.Count >= 500, "at least 500 perturbed narratives");
        Assert.True(perturbed.Select(c => c.Kind).Distinct().Count() >= 12, "at least 12 kinds");
        Assert.Empty(wrong.Select(c => $"[{c.Kind}] {c.Item}: {c.Text}"));
    }

    [Fact]
    public void Corpus_EveryKindOfPerturbation_AppliesToSomeItem()
    {
        var kinds = Run().Where(c => !c.Faithful).Select(c => c.Kind).ToHashSet();
        Assert.All(NarrativePerturbations.Kinds, k => Assert.Contains(k.Kind, kinds));
    }
}

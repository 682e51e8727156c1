namespace BackOffice.Kernel.Abstractions.Reports;

/// <summary>
/// Issue 17: a report that shows one job's figures and has nothing to show without one (cost-detail, aging-detail,
/// g702, g703). The CLI still answers "needs --job"; the console opens such a report asked for no job on a job picker
/// and <see cref="ChooseJob"/>, a plain sentence, instead of the CLI's wording.
/// </summary>
public interface IJobReport
{
    /// <summary>The page's heading, in words ("Cost detail").</summary>
    string Heading { get; }

    /// <summary>What the page asks, as a sentence ("Choose a job to see the transactions behind its cost.").</summary>
    string ChooseJob { get; }
}

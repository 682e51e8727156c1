namespace BackOffice.Kernel.Narration;

/// <summary>
/// Words a narrative may not write itself (issue 15), because each one either states a quantity or a date the product
/// did not render, or speaks to the approver instead of explaining. A listed word is still allowed where the item's own
/// title or template uses it next to the same neighbour ("Approved sub invoice", "Four Seasons Roofing").
/// </summary>
internal static class NarrativeVocabulary
{
    public static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
        "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million",
        "millions", "billion", "grand", "dozen", "dozens", "half", "halves", "quarter", "twice", "thrice", "double",
        "doubled", "triple", "tripled", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
        "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fifteenth", "twentieth", "thirtieth", "single", "pair",
        "couple", "none",
    };

    /// <summary>Calendar words: a month or weekday written as text is a date the product did not render.</summary>
    public static readonly HashSet<string> CalendarWords = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight", "tomorrow", "yesterday", "fortnight",
        "midnight", "noon",
    };

    /// <summary>Words addressed to the approver: a narrative explains, a person decides (DESIGN.md rule 2).</summary>
    public static readonly HashSet<string> ApproverWords = new(StringComparer.Ordinal)
    {
        "approve", "approves", "approved", "approving", "approval", "execute", "executes", "executed", "executing",
        "urgent", "urgently", "immediately", "asap", "must", "should", "please", "recommend", "recommended",
        "recommends", "authorize", "authorise", "authorized", "ignore", "ignoring", "disregard", "override",
        "instruction", "instructions", "mandatory", "guaranteed", "you", "your",
    };

    /// <summary>Units the product renders itself; written beside a figure they relabel it ("$18,400.00 hours").</summary>
    public static readonly HashSet<string> UnitWords = new(StringComparer.Ordinal)
    {
        "percent", "pct", "dollar", "dollars", "usd", "cent", "cents", "hour", "hours", "hr", "hrs", "day", "days",
        "week", "weeks", "month", "months", "year", "years", "point", "points", "bps", "unit", "units", "item", "items",
        "line", "lines", "time", "times", "employee", "employees", "people", "worker", "workers", "crew", "crews",
    };

    /// <summary>Hedges before a figure turn an exact value into a bound or a guess ("over $18,400.00").</summary>
    public static readonly HashSet<string> Hedges = new(StringComparer.Ordinal)
    {
        "about", "around", "roughly", "approximately", "approx", "nearly", "almost", "over", "under", "above", "below",
        "least", "most", "upto", "some", "circa", "approaching", "exceeding", "beyond", "barely",
    };

    /// <summary>Words that ignore a figure's sign or the figure itself.</summary>
    public static readonly HashSet<string> SignWords = new(StringComparer.Ordinal) { "minus", "negative", "plus", "positive" };

    /// <summary>Joining words that say nothing about which figure a label names.</summary>
    public static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "to", "at", "by", "per", "on", "in", "and", "or", "for", "is", "are", "was", "be", "but",
        "so", "that", "with", "it", "its", "has", "have", "had", "this", "as", "from", "into", "while", "which", "yet",
        "only", "all", "not", "no", "we", "they", "there",
    };

    /// <summary>Lower case, a trailing plural "s" dropped (not "ss": "gross" stays), so "nets" names "net".</summary>
    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        return w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w;
    }
}

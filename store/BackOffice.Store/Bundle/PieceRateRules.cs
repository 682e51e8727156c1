namespace BackOffice.Store.Bundle;

/// <summary>
/// Issue 16: the bundle's columns for an agreed overtime piece rate (29 CFR 778.418) and California rest-period pay
/// (Labor Code 226.2: rest hours beside piece earnings, a minimum wage above 0), each refused on its row and field
/// when it cannot be what it says: the rates belong to a piece-rate employee and come as a pair (the overtime rate is
/// agreed against the nonovertime one), above 0; pieces produced in overtime hours sit on a line that states the
/// nonovertime pieces' earnings (a negative count the number parser refuses). Whether the agreed rate meets 778.418 is the payroll check's finding, not an import error.
/// </summary>
internal static class PieceRateRules
{
    public static (string Column, string Message)? Employee(RowValues t)
    {
        var basis = t.Value("pay_basis") as string ?? "hourly";
        var pieceRate = t.Value("piece_rate_e4") as long?;
        var overtimeRate = t.Value("overtime_piece_rate_e4") as long?;
        if (pieceRate is null && overtimeRate is null)
        {
            return null;
        }

        var column = pieceRate is not null ? "piece_rate" : "overtime_piece_rate";
        if (basis != "piece-rate")
        {
            var article = basis == "hourly" ? "an" : "a";
            return (column, $"{article} {basis} employee has no {column}; it is a piece-rate employee's agreed overtime piece rate (29 CFR 778.418)");
        }

        return pieceRate is null ? ("piece_rate", "an overtime_piece_rate needs the piece_rate of nonovertime hours it is agreed against")
            : overtimeRate is null ? ("overtime_piece_rate", "a piece_rate needs the overtime_piece_rate agreed for pieces produced in overtime hours")
            : pieceRate <= 0 ? ("piece_rate", "expected a piece_rate above 0")
            : overtimeRate <= 0 ? ("overtime_piece_rate", "expected an overtime_piece_rate above 0")
            : null;
    }

    public static (string Column, string Message)? PayrollLine(RowValues t)
    {
        // A negative count is refused by the number parser already (E4 columns are non-negative).
        var pieces = t.Value("piece_earnings_cents") is not null;
        return t.Value("overtime_pieces_e4") is not null && !pieces
            ? ("overtime_pieces", "overtime_pieces need the line's piece_earnings (the nonovertime hours' pieces at the piece rate)")
            // Issue 16: Labor Code 226.2 pays a piece-rate employee's rest periods from the week's piece earnings.
            : t.Value("rest_hours_e4") is not null && !pieces
                ? ("rest_hours", "rest_hours need the line's piece_earnings (Labor Code 226.2 pays a piece-rate employee's rest and recovery periods)")
            : t.Value("minimum_wage_cents") is 0L ? ("minimum_wage", "expected a minimum_wage above 0")
            : LineRates(t);
    }

    /// <summary>
    /// Issue 16, 29 CFR 778.418(c): a line's piece_rate (the straight-time rate of the work done in overtime hours) and
    /// overtime_piece_rate (what its overtime pieces paid) rate the line's overtime pieces, so they come as a pair, above 0,
    /// beside overtime_pieces.
    /// </summary>
    private static (string Column, string Message)? LineRates(RowValues t)
    {
        var pieceRate = t.Value("piece_rate_e4") as long?;
        var overtimeRate = t.Value("overtime_piece_rate_e4") as long?;
        if (pieceRate is null && overtimeRate is null)
        {
            return null;
        }

        return pieceRate is null ? ("piece_rate", "a line's overtime_piece_rate needs the piece_rate of the work performed during the overtime hours it is agreed against (29 CFR 778.418(c))")
            : overtimeRate is null ? ("overtime_piece_rate", "a line's piece_rate needs the overtime_piece_rate its overtime pieces were paid (29 CFR 778.418(c))")
            : pieceRate <= 0 ? ("piece_rate", "expected a piece_rate above 0")
            : overtimeRate <= 0 ? ("overtime_piece_rate", "expected an overtime_piece_rate above 0")
            : t.Value("overtime_pieces_e4") is null ? ("piece_rate", "a line's piece_rate and overtime_piece_rate rate its overtime_pieces, which the line does not state")
            : null;
    }
}

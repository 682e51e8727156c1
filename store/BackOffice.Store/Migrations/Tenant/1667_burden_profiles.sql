-- Issue 16: labor burden per trade. Each row is one component of a trade's burden profile (workers' compensation at its
-- class code's rate per $100, union fringes per hour, SUTA, benefits); a component overrides the company default of the
-- same name (Agents:workforce:LaborBurden:Components) for employees of that trade, and the others are added.
-- basis: percent-of-wages, per-hundred-of-wages, monthly-fixed, per-hour; rate_e4 is the rate x 10,000.
CREATE TABLE workforce_burden_profiles (
    id TEXT PRIMARY KEY, trade TEXT NOT NULL, name TEXT NOT NULL, basis TEXT NOT NULL, rate_e4 INTEGER NOT NULL,
    wage_base_cents INTEGER, on_overtime_premium INTEGER, class_code TEXT, row_hash TEXT NOT NULL);

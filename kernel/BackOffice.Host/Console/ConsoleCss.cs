namespace BackOffice.Host.ApprovalConsole;

/// <summary>The console's stylesheet, compiled into the binary so the console works offline (issue 9).</summary>
public static class ConsoleCss
{
    public const string Text = """
        :root{--ink:#1d2430;--muted:#5b6574;--line:#d9dee5;--bg:#f6f7f9;--accent:#1f5fbf;--money:#a04400;--bad:#b3261e;--ok:#1e7d32}
        *{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        header{display:flex;gap:1.5rem;align-items:center;padding:.6rem 1.2rem;background:#1d2430;color:#fff}
        header nav a{color:#dfe7f3;margin-right:1rem;text-decoration:none}header nav a:hover{text-decoration:underline}
        header .tenant{margin-left:auto;color:#aab4c3}.logout{display:flex;gap:.5rem;align-items:center}
        main{padding:1rem 1.4rem;max-width:1200px}h1{font-size:1.35rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin-top:1.6rem}
        table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line)}
        th,td{padding:.4rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}th{background:#eef1f5;font-weight:600}
        td.num{text-align:right;font-variant-numeric:tabular-nums}a{color:var(--accent)}
        .badge{display:inline-block;padding:0 .45rem;border-radius:.6rem;font-size:.8rem;font-weight:600;background:#e4e8ee}
        .badge.Money,.badge.Legal,.badge.Critical{background:#fde3d3;color:var(--money)}.badge.executed,.badge.approved{background:#dff0e1;color:var(--ok)}
        .badge.rejected,.badge.failed{background:#f8dcda;color:var(--bad)}.badge.Warning{background:#fff1c7}
        .card{background:#fff;border:1px solid var(--line);padding:.8rem 1rem;margin:.8rem 0;border-radius:4px}
        .actions{display:flex;flex-wrap:wrap;gap:.8rem;align-items:flex-end}.actions form{display:flex;gap:.4rem;align-items:center}
        button{font:inherit;padding:.35rem .8rem;border:1px solid #9aa6b5;border-radius:3px;background:#fff;cursor:pointer}
        button.primary{background:var(--accent);color:#fff;border-color:var(--accent)}button.danger{border-color:var(--bad);color:var(--bad)}
        input,select{font:inherit;padding:.3rem .4rem;border:1px solid #9aa6b5;border-radius:3px}
        .notice{padding:.6rem .8rem;background:#e6f0ff;border-left:4px solid var(--accent)}.notice.error{background:#fdecea;border-color:var(--bad)}
        pre{background:#fff;border:1px solid var(--line);padding:.8rem;overflow:auto}.muted{color:var(--muted)}
        form.stack{display:grid;gap:.6rem;max-width:22rem}svg text{font:12px system-ui,sans-serif}
        """;
}

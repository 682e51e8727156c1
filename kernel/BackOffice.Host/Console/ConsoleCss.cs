namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// The console's stylesheet, compiled into the binary so the console works offline (issue 9). Issue 17: lists scroll
/// inside their own box so no page overflows at 390 px, the header wraps with the signed-in name visible, colour
/// pairs meet WCAG AA (4.5:1 for text), and a dark scheme follows prefers-color-scheme. Issue 13: on a phone the
/// connections table is one card per system (labels from the CSS, the buttons below), so its Connect and Disconnect
/// buttons are in view without scrolling sideways; the agent write switches likewise, one card per agent. Issue 17: on
/// a phone the inbox is one card per proposal (the title wrapped in full, amount, agent, age, its own Approve button
/// and a Reject link, a check box of a thumb's size), since a table scrolled sideways hid the titles and the buttons; a proposal's figures, the lines of its edit form and of "What will be written" are cards
/// likewise (the written lines as label/value rows) (class "cards", each cell labelled from its data-label), and a fieldset may shrink below its table's width.
/// The audit log's events are such cards too (issue 17), without their JSON data, which a phone leaves out as before.
/// </summary>
public static class ConsoleCss
{
    public const string Text = """
        :root{color-scheme:light dark;--ink:#1d2430;--muted:#4f5967;--line:#c9d0d9;--bg:#f6f7f9;--panel:#fff;--head:#eef1f5;--accent:#1a56b0;--on-accent:#fff;--money:#8a3b00;--money-bg:#fde3d3;--bad:#a8221b;--bad-bg:#f8dcda;--ok:#1b6e2c;--ok-bg:#dff0e1;--warn-bg:#fff1c7;--badge:#e4e8ee;--bar:#1f1f1f;--bar-ink:#fff;--bar-link:#e4ebf5}
        @media (prefers-color-scheme:dark){:root{--ink:#e6e9ee;--muted:#b4bcc8;--line:#3a4350;--bg:#12161c;--panel:#1b2129;--head:#242b35;--accent:#8fb8ff;--on-accent:#0b1220;--money:#ffb98a;--money-bg:#4a2a14;--bad:#ff9b94;--bad-bg:#4a1d1a;--ok:#8fd69c;--ok-bg:#183a20;--warn-bg:#4a3d10;--badge:#2d3541;--bar:#0b0e12;--bar-ink:#fff;--bar-link:#cfe0ff}}
        *{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        header{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center;padding:.6rem 1rem;background:var(--bar);color:var(--bar-ink)}
        header nav{display:flex;flex-wrap:wrap;gap:.2rem 1rem}header nav a{color:var(--bar-link);text-decoration:none}header nav a:hover{text-decoration:underline}
        header .tenant{margin-left:auto;color:var(--bar-link)}.logout{display:flex;gap:.5rem;align-items:center}.who{font-weight:600}
        main{padding:1rem;max-width:1280px}h1{font-size:1.3rem;margin:.2rem 0 1rem;overflow-wrap:anywhere}h2{font-size:1.1rem;margin-top:1.6rem}
        .scroll{max-width:100%;overflow-x:auto}
        table{border-collapse:collapse;width:100%;background:var(--panel);border:1px solid var(--line)}caption{text-align:left;font-weight:600;padding:.3rem 0}
        th,td{padding:.4rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}th{background:var(--head);font-weight:600}
        th a{color:inherit;text-decoration:none}th a:hover{text-decoration:underline}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tfoot th{border-top:2px solid var(--ink)}a{color:var(--accent)}
        .badge{display:inline-block;padding:0 .45rem;border-radius:.6rem;font-size:.8rem;font-weight:600;background:var(--badge);color:var(--ink)}
        .badge.Money,.badge.Legal,.badge.Critical{background:var(--money-bg);color:var(--money)}.badge.executed,.badge.approved{background:var(--ok-bg);color:var(--ok)}
        .badge.rejected,.badge.failed{background:var(--bad-bg);color:var(--bad)}.badge.Warning{background:var(--warn-bg)}
        .card{background:var(--panel);border:1px solid var(--line);padding:.8rem 1rem;margin:.8rem 0;border-radius:4px}
        .actions{display:flex;flex-wrap:wrap;gap:.8rem;align-items:flex-end}.actions form{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
        .filters{display:flex;flex-wrap:wrap;gap:.5rem .9rem;align-items:flex-end}.filters label{display:flex;flex-direction:column;gap:.15rem;font-size:.85rem;max-width:100%;min-width:0}code{overflow-wrap:anywhere}
        .exports{margin-left:auto}.pager{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;margin:.6rem 0}.pager .shown{font-weight:600}
        button{font:inherit;padding:.35rem .8rem;border:1px solid var(--muted);border-radius:3px;background:var(--panel);color:var(--ink);cursor:pointer}
        button.primary{background:var(--accent);color:var(--on-accent);border-color:var(--accent)}button.danger{border-color:var(--bad);color:var(--bad)}
        input,select,textarea{font:inherit;padding:.3rem .4rem;border:1px solid var(--muted);border-radius:3px;background:var(--panel);color:var(--ink);max-width:100%}
        .notice{padding:.6rem .8rem;background:var(--head);border-left:4px solid var(--accent)}.notice.error{background:var(--bad-bg);border-color:var(--bad)}
        pre{background:var(--panel);border:1px solid var(--line);padding:.8rem;overflow:auto;white-space:pre-wrap}.muted{color:var(--muted)}
        form.stack{display:grid;gap:.6rem;max-width:22rem}form.edit{display:grid;gap:.7rem}form.edit label{display:grid;gap:.2rem}form.edit textarea{width:100%}
        dl.record{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.6rem 1.2rem;margin:.8rem 0}dl.record dt{font-size:.8rem;color:var(--muted)}dl.record dd{margin:0;font-weight:600;overflow-wrap:anywhere}dl.record .wide{grid-column:1/-1}
        .why-not{margin:.2rem 0;padding-left:1.2rem;flex-basis:100%}.narrative{white-space:pre-wrap}.card>h2:first-child{margin-top:0}
        .charts svg{max-width:100%;height:auto}.chart-compact,.chart-title{display:none}.chart-compact{width:100%;max-width:360px}.chart-title{font-weight:600;margin:.8rem 0 .2rem}svg text{font:12px system-ui,sans-serif;fill:var(--ink)}
        @media (max-width:640px){.col-whoMustApprove,.col-proposedAt,.col-narrative,.col-data{display:none}main{padding:.6rem}header .tenant{margin-left:0}th,td{padding:.35rem .4rem}.exports{margin-left:0}.chart-wide{display:none}.chart-compact,.chart-title{display:block}}
        fieldset{min-width:0}.cards .lead{font-weight:600}.row-actions{display:none}
        @media (max-width:640px){table.cards,table.cards tbody{display:block;border:0;background:none}table.cards thead{display:none}table.cards tr{display:block;background:var(--panel);border:1px solid var(--line);border-radius:4px;padding:.5rem .7rem;margin:0 0 .6rem}table.cards td{display:block;border:0;padding:.15rem 0;text-align:left;white-space:normal;overflow-wrap:anywhere}table.cards td[data-label]::before{content:attr(data-label) " ";color:var(--muted)}table.cards td input,table.cards td select{display:block;width:100%}table.lines td[data-label]{display:grid;grid-template-columns:minmax(5.5rem,35%) 1fr;gap:.6rem}table.lines td[data-label]::before{content:attr(data-label);font-weight:400}table.lines td:empty,table.lines td.col-data{display:none}table.lines tfoot{display:block}table.lines tfoot tr{display:flex;justify-content:space-between;padding:.5rem .7rem;border:0;background:none}table.lines tfoot th{border:0;padding:0;background:none}table.lines tfoot th:empty{display:none}}.age{color:var(--muted);white-space:nowrap}
        @media (max-width:640px){form.bulk table,form.bulk tbody{display:block;border:0;background:none}form.bulk thead{display:none}form.bulk tr{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .7rem;background:var(--panel);border:1px solid var(--line);border-radius:4px;padding:.6rem .7rem;margin:0 0 .6rem}form.bulk td{display:block;border:0;padding:0}form.bulk td.col-proposedAt{display:block}form.bulk td.col-whoMustApprove{display:none}form.bulk td.col-title{display:contents}form.bulk td.col-title>a{order:2;flex-basis:100%;font-weight:600;font-size:1rem;overflow-wrap:anywhere}form.bulk .col-agent,form.bulk .col-amount,form.bulk .col-proposedAt,form.bulk .col-undo{order:3}form.bulk td.col-amount:empty{display:none}form.bulk .col-agent::before{content:"Agent "}form.bulk .col-amount::before{content:"Amount "}form.bulk .col-proposedAt::before{content:"Proposed "}form.bulk td::before{color:var(--muted)}form.bulk .row-actions{order:4;flex-basis:100%;display:flex;flex-wrap:wrap;gap:1.2rem;align-items:center;padding-top:.3rem}form.bulk .row-actions button{min-height:2.75rem;min-width:6rem}form.bulk .row-actions a{padding:.7rem 0}form.bulk .pick{display:inline-flex;align-items:center;gap:.4rem;min-height:2.75rem;font-weight:600}form.bulk .pick input{width:1.5rem;height:1.5rem}form.bulk .actions button{min-height:2.75rem}}
        .saved form{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.4rem 0}.saved form.inline{display:inline-flex;margin:0 0 0 .6rem}.saved-filter{padding:.2rem 0}
        @media (max-width:640px){#connections thead{display:none}#connections tr{display:block;padding:.4rem 0;border-bottom:1px solid var(--line)}#connections td{display:block;border:0;padding:.15rem .6rem}#connections td:empty{display:none}#connections td:first-child{font-weight:600}#connections td.actions{display:flex;padding-top:.4rem}#connections td:nth-child(3)::before{content:"Company: "}#connections td:nth-child(4)::before{content:"Realm / company id: "}#connections td:nth-child(5)::before{content:"Connected by: "}#connections td:nth-child(6)::before{content:"Last sync: "}#connections td:nth-child(7)::before{content:"Last error: "}#connections td::before{color:var(--muted)}}
        @media (max-width:640px){#write-switches thead{display:none}#write-switches tr{display:block;padding:.4rem 0;border-bottom:1px solid var(--line)}#write-switches td{display:block;border:0;padding:.15rem .6rem}#write-switches td:first-child{font-weight:600}#write-switches td.actions{display:flex;flex-wrap:wrap;gap:.4rem;padding-top:.4rem}#write-switches td:nth-child(2)::before{content:"Department: "}#write-switches td:nth-child(3)::before{content:"Writes: "}#write-switches td:nth-child(4)::before{content:"Mode: "}#write-switches td::before{color:var(--muted)}}
        """;
}

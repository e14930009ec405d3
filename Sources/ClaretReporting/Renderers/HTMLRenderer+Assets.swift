/// The HTML report's inline style sheet and script, kept apart from the markup they serve.
///
/// Neither contains report data, and neither refers to anything outside the page.
enum HTMLAssets {
    /// The style sheet: plain, high-contrast, one colour per outcome, each also told by a word.
    static let style = #"""
        :root {
          color-scheme: light;
          --fg: #1f2328; --muted: #57606a; --border: #d0d7de; --soft: #f6f8fa; --focus: #0969da;
          --passed: #1a7f37; --failed: #cf222e; --known: #8a5a00; --error: #8250df; --skipped: #57606a;
        }
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
          color: var(--fg); background: #fff; }
        header.report, .filters, main, footer { max-width: 1400px; margin: 0 auto; padding: 0 1.5rem; }
        h1 { font-size: 1.6rem; margin: 1.25rem 0 .25rem; overflow-wrap: anywhere; }
        .meta { color: var(--muted); margin: 0 0 .75rem; }
        .meta strong { color: var(--fg); }
        .outcome-passed { --c: var(--passed); } .outcome-failed { --c: var(--failed); }
        .outcome-known { --c: var(--known); } .outcome-error { --c: var(--error); }
        .outcome-skipped { --c: var(--skipped); }
        .counts { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; margin: 0 0 .5rem; }
        .counts li { border: 1px solid var(--border); border-left: 6px solid var(--c); border-radius: 6px;
          padding: .3rem .9rem .4rem; min-width: 7.5rem; }
        .counts .n { display: block; font-size: 1.6rem; font-weight: 700; line-height: 1.2; color: var(--c); }
        .counts li.zero { border-left-color: var(--border); color: var(--muted); }
        .counts li.zero .n { color: var(--muted); font-weight: 400; }
        .verdict { margin: 0 0 1rem; }
        .verdict.failing strong { color: var(--failed); } .verdict.passing strong { color: var(--passed); }
        .attention { display: flex; flex-wrap: wrap; gap: .25rem .75rem; margin: 0 0 1rem; font-size: .9rem; }
        .attention span { font-weight: 600; }
        .attention ul { display: flex; flex-wrap: wrap; gap: .25rem .75rem; margin: 0; padding: 0; list-style: none; }
        .attention a { color: var(--c); text-decoration: underline; }
        .legend { margin: 0 0 .4rem; font-size: .8125rem; color: var(--muted); }
        .filters { position: sticky; top: 0; z-index: 1; background: #fff; display: flex; flex-wrap: wrap;
          align-items: center; gap: .5rem 1.5rem; padding-top: .6rem; padding-bottom: .6rem;
          border-top: 1px solid var(--border); border-bottom: 1px solid var(--border); }
        .filters fieldset { border: 0; margin: 0; padding: 0; }
        .filters legend { float: left; font-weight: 600; margin-right: .75rem; }
        .filters fieldset label { margin-right: .9rem; white-space: nowrap; }
        .filters input[type=checkbox] { accent-color: var(--c); width: 1rem; height: 1rem; vertical-align: -2px; }
        .filters .search { font-weight: 600; }
        input[type=search] { font: inherit; font-weight: 400; padding: .3rem .55rem; margin-left: .4rem;
          border: 1px solid #8c959f; border-radius: 6px; width: 18rem; max-width: 60vw; }
        button { font: inherit; font-size: .875rem; padding: .25rem .75rem; border: 1px solid #8c959f;
          border-radius: 6px; background: var(--soft); color: var(--fg); cursor: pointer; }
        button:hover { background: #eaeef2; }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        #filter-status { color: var(--muted); font-size: .875rem; }
        main { padding-top: 1rem; padding-bottom: 1rem; }
        .case { border: 1px solid var(--border); border-left: 6px solid var(--c); border-radius: 6px;
          margin: 0 0 .75rem; scroll-margin-top: 6rem; }
        .case summary { cursor: pointer; list-style: none; display: flex; flex-wrap: wrap; align-items: baseline;
          gap: .25rem .75rem; padding: .55rem .9rem; }
        .case summary::-webkit-details-marker { display: none; }
        .case summary::before { content: "▸"; color: var(--muted); width: .8rem; }
        .case details[open] > summary::before { content: "▾"; }
        .case details[open] > summary { border-bottom: 1px solid var(--border); }
        .badge { display: inline-block; min-width: 4.6rem; text-align: center; font-size: .75rem; font-weight: 700;
          text-transform: uppercase; letter-spacing: .04em; color: #fff; background: var(--c);
          border-radius: 4px; padding: .1rem .45rem; }
        .case h2 { display: inline; font-size: 1rem; margin: 0; overflow-wrap: anywhere; }
        .case .scenario { font-weight: 400; color: var(--muted); }
        .case .sep { color: var(--muted); }
        .where { margin-left: auto; color: var(--muted); font-size: .875rem; overflow-wrap: anywhere; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
          white-space: nowrap; }
        .case-body { padding: .1rem .9rem .9rem; }
        h3 { font-size: .95rem; margin: 1rem 0 .4rem; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
          font-size: .8125rem; }
        pre { margin: 0; padding: .5rem .65rem; background: var(--soft); border: 1px solid var(--border);
          border-radius: 6px; overflow: auto; max-height: 28rem; }
        table { border-collapse: collapse; width: 100%; }
        .findings th, .findings td { border: 1px solid var(--border); padding: .35rem .55rem; text-align: left;
          vertical-align: top; overflow-wrap: anywhere; }
        .findings thead th { background: var(--soft); font-size: .875rem; }
        .findings thead th, .findings td:nth-child(2) { white-space: nowrap; }
        .findings td:first-child { min-width: 10rem; }
        .findings td:nth-child(3), .findings td:nth-child(4) { min-width: 6rem; }
        .findings tr.known td { background: #fff8e1; }
        .findings tr.failing td:first-child { box-shadow: inset 4px 0 0 var(--failed); }
        .findings tr.known td:first-child { box-shadow: inset 4px 0 0 var(--known); }
        .known-reason { margin-top: .25rem; color: var(--known); }
        .normalizations { margin: 0; padding-left: 1.25rem; }
        .exchanges { table-layout: fixed; }
        .exchanges thead th { text-align: left; padding: .25rem .5rem; font-size: .95rem; }
        .exchanges thead td { width: 9.5rem; }
        .exchanges th[scope=row] { text-align: left; vertical-align: top; font-size: .875rem; font-weight: 600;
          color: var(--muted); padding: .45rem .5rem .45rem 0; }
        .exchanges td { vertical-align: top; padding: .3rem .5rem; overflow-wrap: anywhere; }
        mark.hl { color: inherit; border-radius: 2px; padding: 0 1px; }
        mark.hl.failing { background: #ffdcd7; outline: 1px solid var(--failed); }
        mark.hl.known { background: #fff1c2; outline: 1px dashed var(--known); }
        .note { margin: .75rem 0 0; padding: .5rem .75rem; border-left: 4px solid var(--c); background: var(--soft);
          white-space: pre-wrap; }
        .curl { display: flex; gap: .5rem; align-items: flex-start; }
        .curl pre { flex: 1; white-space: pre-wrap; overflow-wrap: anywhere; }
        .empty { color: var(--muted); font-style: italic; }
        footer { color: var(--muted); font-size: .8125rem; padding-bottom: 2rem; }
        @media print { .filters, button.copy { display: none !important; } pre { max-height: none; } }

        """#

    /// The script: filters by outcome and name, expand and collapse, copy buttons. It only reads the page.
    static let script = #"""
        (function () {
          "use strict";
          var cases = Array.prototype.slice.call(document.querySelectorAll("article.case"));
          var form = document.getElementById("filters");
          if (form) {
            var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=outcome]"));
            var search = document.getElementById("search");
            var status = document.getElementById("filter-status");
            var none = document.getElementById("no-match");
            var apply = function () {
              var wanted = {};
              boxes.forEach(function (box) { wanted[box.value] = box.checked; });
              var query = search.value.trim().toLowerCase();
              var shown = 0;
              cases.forEach(function (item) {
                var visible = wanted[item.dataset.outcome] === true &&
                  (query === "" || item.dataset.search.indexOf(query) !== -1);
                item.hidden = !visible;
                if (visible) { shown += 1; }
              });
              status.textContent = shown + " of " + cases.length + " cases shown";
              none.hidden = shown !== 0;
            };
            var setOpen = function (open) {
              cases.forEach(function (item) {
                if (!item.hidden) { item.querySelector("details").open = open; }
              });
            };
            form.addEventListener("input", apply);
            form.addEventListener("change", apply);
            form.addEventListener("submit", function (event) { event.preventDefault(); });
            document.getElementById("expand-all").addEventListener("click", function () { setOpen(true); });
            document.getElementById("collapse-all").addEventListener("click", function () { setOpen(false); });
            form.hidden = false;
            apply();
          }
          var copyByHand = function (text) {
            var area = document.createElement("textarea");
            area.value = text;
            area.setAttribute("readonly", "");
            area.style.position = "fixed";
            area.style.opacity = "0";
            document.body.appendChild(area);
            area.select();
            try { document.execCommand("copy"); } catch (ignored) { }
            document.body.removeChild(area);
          };
          Array.prototype.forEach.call(document.querySelectorAll("button.copy"), function (button) {
            var done = function () {
              button.textContent = "Copied";
              window.setTimeout(function () { button.textContent = "Copy"; }, 1500);
            };
            button.hidden = false;
            button.addEventListener("click", function () {
              var text = document.getElementById(button.dataset.copy).textContent;
              if (navigator.clipboard && navigator.clipboard.writeText) {
                navigator.clipboard.writeText(text).then(done, function () { copyByHand(text); done(); });
              } else {
                copyByHand(text);
                done();
              }
            });
          });
        }());

        """#
}

/** The inspector's one page: its scripts and styles are served by the inspector itself, so it works offline. */
export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>parley inspector</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<header>
  <div><h1 id="title">parley inspector</h1><p class="source" id="source"></p></div>
  <nav aria-label="Stepping">
    <button type="button" id="back" disabled>Step back</button>
    <button type="button" id="forward" disabled>Step forward</button>
    <span id="status" role="status" aria-live="polite">Loading the scenario and drawing its charts…</span>
    <button type="button" id="to-timeline" hidden>Back to the timeline</button>
  </nav>
  <p id="problem" role="alert"></p>
  <div id="glance-slot"></div>
</header>
<main id="main" aria-busy="true">
  <div id="timelines"></div>
  <section id="charts" aria-label="Statecharts"></section>
  <div id="panel"></div>
</main>
<div id="tooltip" role="tooltip" hidden></div>
<script type="module" src="/assets/app.js"></script>
</body>
</html>
`;

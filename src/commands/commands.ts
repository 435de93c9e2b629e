// The ribbon button only opens the task pane (ShowTaskpane), so the function file registers nothing;
// Office still needs the page to load and report ready.
const office = (globalThis as unknown as { Office?: { onReady: () => Promise<unknown> } }).Office;
void office?.onReady();

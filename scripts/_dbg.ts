import { readFileSync } from "fs";
import { chromium } from "playwright-core";
import { serveFolder } from "../test/helpers/static-server";
(async () => {
  const server = await serveFolder("/work/main/dist");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  const page = await browser.newPage();
  page.on("console", (m) => console.log("console:", m.type(), m.text().slice(0, 200)));
  page.on("pageerror", (e) => console.log("pageerror:", String(e).slice(0, 300)));
  page.on("request", (r) => console.log("request:", r.url().slice(0, 120)));
  page.on("requestfailed", (r) => console.log("failed:", r.url().slice(0, 120)));
  await page.route("https://appsforoffice.microsoft.com/**", (route) => route.request().url().endsWith("/office.js") ? route.fulfill({ contentType: "text/javascript", body: readFileSync("/work/main/node_modules/@microsoft/office-js/dist/office.js", "utf8") }) : route.abort());
  await page.goto(server.url + "taskpane.html");
  await page.waitForTimeout(8000);
  console.log((await page.content()).slice(0, 400));
  await browser.close(); await server.close();
})();

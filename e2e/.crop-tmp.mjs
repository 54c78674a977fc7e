import { chromium } from 'playwright-core';
const [src, out, y, h] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1400, height: 3400 } });
await p.setContent(`<body style="margin:0"><img src="data:image/png;base64,${(await import('node:fs')).readFileSync(src).toString('base64')}"></body>`);
await p.waitForFunction(() => document.images[0].complete && document.images[0].naturalWidth > 0);
const w = await p.evaluate(() => document.images[0].naturalWidth);
await p.screenshot({ path: out, clip: { x: 0, y: Number(y), width: w, height: Number(h) } });
await b.close();

/**
 * The one stylesheet. Mobile first (375 px and up), system fonts, colours with at least 4.5:1
 * contrast on their background, a visible focus ring on everything focusable.
 */
export const DASHBOARD_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f6f7f9}
a{color:#0b57b7}
:focus-visible{outline:3px solid #b15c00;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:9}
.skip:focus{left:.5rem}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem;padding:.5rem 1rem;background:#14324f;color:#fff}
.bar a{color:#fff}
.brand{font-weight:700;text-decoration:none;margin-right:auto}
.bar nav ul{display:flex;flex-wrap:wrap;gap:.25rem .75rem;list-style:none;margin:0;padding:0}
.bar nav a{text-decoration:none;padding:.25rem 0;display:inline-block}
.bar nav a[aria-current=page]{border-bottom:3px solid #ffc857;font-weight:600}
.sign-out button{background:transparent;color:#fff;border:1px solid #c9d6e3}
main{padding:1rem;max-width:72rem;margin:0 auto;overflow-wrap:break-word}
main:focus{outline:none}
h1{font-size:1.4rem;margin:.25rem 0 1rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
label{display:block;font-weight:600;margin:.5rem 0 .25rem}
input,select,textarea,button{font:inherit}
input[type=text],input[type=search],input[type=password],select,textarea{width:100%;max-width:32rem;padding:.45rem .5rem;border:1px solid #6b7785;border-radius:4px;background:#fff;color:#1b1f24}
textarea{min-height:5rem}
button,.button{display:inline-block;padding:.45rem .9rem;border:1px solid #0b57b7;border-radius:4px;background:#0b57b7;color:#fff;cursor:pointer;text-decoration:none}
button.secondary{background:#fff;color:#0b57b7}
button.danger{background:#a4161a;border-color:#a4161a}
.card{background:#fff;border:1px solid #d7dce2;border-radius:6px;padding:1rem;margin:0 0 1rem}
.muted{color:#4d5763}
.error{color:#a4161a;font-weight:600}
.notice{background:#e7f3e8;border:1px solid #2f7d32;padding:.5rem .75rem;border-radius:4px}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}
.filters>div{flex:1 1 10rem}
.list{list-style:none;margin:0;padding:0}
.list>li{background:#fff;border:1px solid #d7dce2;border-radius:6px;margin:0 0 .5rem;padding:.6rem .8rem}
.list .top{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:baseline}
.list .name{font-weight:600}
.list .last{margin:.25rem 0 0;overflow-wrap:anywhere}
.list>li.more{background:none;border:0;text-align:center;padding:.4rem}
.list>li.more a{display:inline-block;padding:.5rem 1rem;border:1px solid #adb5bd;border-radius:6px;background:#fff}
.flag{display:inline-block;font-size:.8rem;padding:0 .4rem;border-radius:3px;background:#e9ecef;color:#1b1f24;border:1px solid #adb5bd}
.flag.warn{background:#fff3cd;border-color:#b58100}
.flag.bad{background:#fde2e1;border-color:#a4161a}
.flag.good{background:#e7f3e8;border-color:#2f7d32}
.t-hot{color:#a4161a;font-weight:600}.t-warm{color:#8a4b00;font-weight:600}.t-cold{color:#0b57b7;font-weight:600}
.chat{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:.5rem}
.bubble{max-width:min(36rem,88%);padding:.5rem .75rem;border-radius:12px;border:1px solid #d7dce2;background:#fff;overflow-wrap:anywhere}
.bubble.in{align-self:flex-start}
.bubble.out{align-self:flex-end;background:#e3eefb;border-color:#9cbde6}
.bubble.agent{background:#efe6fb;border-color:#b39ddb}
.bubble.follow-up{background:#e7f3e8;border-color:#88b98b}
.bubble .meta{font-size:.8rem;color:#4d5763;margin-top:.25rem}
.bubble details{font-size:.85rem;margin-top:.25rem}
.grid{display:grid;gap:1rem}
.grid>*{min-width:0}
@media (min-width:60rem){.grid.two{grid-template-columns:3fr 2fr}}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #d7dce2;vertical-align:top}
.table-wrap{overflow-x:auto}
.actions form{margin:0 0 .75rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

"""The handbook's style sheet, built from the app's themes (personamap/style.py) so the HTML
wears the editor's colours: light, dark (prefers-color-scheme) and paper (@media print).

Widths that the emotion curves must line up with (a step column) are fixed here and read by
handbook_svg.py; everything else flows, so a 360 px phone reads one column and a journey map
scrolls sideways inside its own box.
"""

from __future__ import annotations

from personamap.style import DARK, LIGHT, NOTE_META, NOTE_TEXT, PRINT, Theme

STEP_W = 176
"""The width of one step column of a journey table, in CSS px; the curves' x spacing."""
LANE_W = 132
LANE_W_PHONE = 96
PRINT_W = 1000
"""What a landscape page holds across (A4 or Letter less margins, CSS px): wider maps print smaller."""


def print_zoom(steps: int) -> float:
    """How much a map of `steps` step columns shrinks to fit a landscape page across."""
    return min(1.0, PRINT_W / (LANE_W + steps * STEP_W))


def theme_vars(theme: Theme) -> str:
    """The theme's colours as CSS custom properties."""
    pairs = {
        "canvas": theme.canvas,
        "card": theme.card,
        "border": theme.card_border,
        "text": theme.text,
        "muted": theme.muted_text,
        "header": theme.header,
        "header-text": theme.header_text,
        "step": theme.step_fill,
        "chip": theme.chip,
        "grid": theme.grid_line,
        "stage-line": theme.stage_line,
        "neutral": theme.neutral_line,
        "plot-grid": theme.plot_grid,
        "negative": theme.negative,
        "future": theme.future,
        "accent": theme.selection,
    }
    for hue, (tint, wash) in theme.lanes.items():
        pairs[f"lane-{hue}"] = tint
        pairs[f"wash-{hue}"] = wash
    return "".join(f"--{k}:{v};" for k, v in pairs.items())


_BODY = """
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--canvas);color:var(--text);
 font:15px/1.55 system-ui,-apple-system,"Segoe UI","Noto Sans","DejaVu Sans",sans-serif;
 overflow-wrap:anywhere}
a{color:var(--accent)}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.page{max-width:1120px;margin:0 auto;padding:20px 16px 56px}
[id]{scroll-margin-top:60px}
.topbar{position:sticky;top:0;z-index:5;background:var(--card);border-bottom:1px solid var(--border)}
.topbar nav{max-width:1120px;margin:0 auto;padding:8px 16px;display:flex;gap:6px 18px;flex-wrap:wrap;
 font-size:14px}
.topbar a{text-decoration:none;font-weight:600}
.topbar .brand{color:var(--text);margin-right:auto;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;
 max-width:100%}
.card{background:var(--card);border:1px solid var(--border);border-radius:12px}
.cover{padding:28px 28px 24px;margin-bottom:20px;border-top:6px solid var(--accent)}
.cover h1{margin:0 0 6px;font-size:clamp(24px,5vw,36px);line-height:1.2}
.eyebrow{margin:0;color:var(--muted);font-size:13px;letter-spacing:.06em;text-transform:uppercase}
.lead{color:var(--muted);max-width:70ch;white-space:pre-line}
.faces{display:flex;flex-wrap:wrap;gap:8px;margin-top:16px}
.toc{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:16px;margin-bottom:28px}
.toc section{padding:16px 20px}
.toc h2{margin:0 0 8px;font-size:18px}
.toc ol{list-style:none;margin:0;padding:0}
.toc li{border-top:1px solid var(--grid)}
.toc li:first-child{border-top:0}
.toc li a{display:flex;align-items:center;gap:10px;padding:8px 0;text-decoration:none;color:var(--text)}
.toc .sub{display:block;color:var(--muted);font-size:13px}
.part{margin:36px 0 14px;font-size:22px}
.avatar{--size:40px;flex:none;width:var(--size);height:var(--size);border-radius:50%;display:grid;
 place-items:center;font-weight:700;font-size:calc(var(--size) * .38);overflow:hidden;
 background:var(--pc);color:var(--pc-ink)}
.avatar.big{--size:104px;border:4px solid var(--card);box-shadow:0 0 0 2px var(--pc)}
.persona{margin-bottom:28px;overflow:hidden;border-top:8px solid var(--pc)}
.persona>header{display:flex;gap:20px;align-items:center;flex-wrap:wrap;padding:22px 24px 8px}
.persona h3,.journey h3{margin:0;font-size:clamp(22px,4.5vw,30px);line-height:1.2}
.role{margin:2px 0 0;color:var(--muted);font-weight:600}
.tagline{margin:8px 0 0;font-style:italic;font-size:17px}
.chips{display:flex;flex-wrap:wrap;gap:6px;margin:10px 0 0;padding:0;list-style:none}
.chip{display:inline-flex;align-items:center;gap:6px;padding:2px 10px;border-radius:999px;font-size:13px;
 background:var(--chip);border:1px solid var(--border);color:var(--text);text-decoration:none}
.chip.negative{color:var(--negative);border-color:var(--negative)}
.chip.future{color:var(--future);border-color:var(--future)}
.dot{width:10px;height:10px;border-radius:50%;background:var(--pc);flex:none}
.sections{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:12px;
 align-items:start;padding:12px 24px 20px}
.block{background:var(--header);border-radius:10px;border-top:3px solid var(--pc);padding:10px 16px 12px;
 break-inside:avoid}
.block.wide{grid-column:1/-1}
.block h4{margin:0 0 6px;font-size:13px;letter-spacing:.05em;text-transform:uppercase;color:var(--muted)}
.block ul{margin:0;padding-left:18px}
.block li+li{margin-top:3px}
.block p{margin:0;white-space:pre-line}
.block p+p{margin-top:8px}
blockquote{margin:0;padding:6px 0 6px 14px;border-left:4px solid var(--pc);font-size:16px}
blockquote+blockquote{margin-top:10px}
blockquote footer{color:var(--muted);font-size:13px}
.slider{margin:6px 0 10px}
.slider .poles{display:flex;justify-content:space-between;gap:8px;font-size:13px}
.track{position:relative;height:6px;border-radius:3px;background:var(--grid);margin-top:4px}
.track i{position:absolute;top:-4px;width:14px;height:14px;margin-left:-7px;border-radius:50%;
 background:var(--pc);border:2px solid var(--card)}
.persona>footer,.journey>footer{padding:0 24px 18px;font-size:14px}
.back{font-size:14px}
.journey{margin-bottom:28px;padding:22px 0 18px}
.journey>header,.journey>.about{padding:0 24px}
.about p{margin:8px 0;max-width:75ch;white-space:pre-line}
.map-scroll{overflow-x:auto;margin:14px 0 0;border-top:1px solid var(--border);
 border-bottom:1px solid var(--border);-webkit-overflow-scrolling:touch}
.map{border-collapse:separate;border-spacing:0;table-layout:fixed;
 width:calc(var(--lane-w) + var(--steps) * var(--step-w))}
.map col.lane{width:var(--lane-w)}
.map col.step{width:var(--step-w)}
.map th,.map td{border-right:1px solid var(--grid);border-bottom:1px solid var(--grid);vertical-align:top;
 padding:8px;font-size:13px;text-align:left}
.map thead th{background:var(--header);color:var(--header-text)}
.map thead .stage{font-size:14px;border-right:2px solid var(--stage-line)}
.map thead .stepname{background:var(--step);font-weight:600;color:var(--muted)}
.map .lanehead{position:sticky;left:0;z-index:2;font-weight:700;border-right:2px solid var(--stage-line);
 overflow-wrap:normal;hyphens:auto}
.map td.last{border-right:2px solid var(--stage-line)}
.map td.emotion{padding:0}
.map td.emotion svg{display:block}
.legend{list-style:none;margin:6px 0 0;padding:0;font-weight:400;font-size:12px}
.legend li{display:flex;align-items:center;gap:6px}
.note{border-radius:6px;padding:6px 8px;color:"""
_BODY_2 = """;box-shadow:0 1px 2px rgba(0,0,0,.18);white-space:pre-line}
.note+.note{margin-top:6px}
.note .tags{display:block;font-size:11px;color:"""
_BODY_3 = (
    """}
svg .grid{stroke:var(--plot-grid);stroke-width:1}
svg .neutral{stroke:var(--neutral);stroke-width:1;stroke-dasharray:4 4}
svg .label{fill:var(--muted);font-size:11px;paint-order:stroke;stroke:var(--card);stroke-width:3px}
svg .curve{fill:none;stroke-width:2.5;stroke-linecap:round}
svg .marker{stroke:var(--card);stroke-width:2}
svg .own{stroke:var(--text)}
svg circle.own{fill:var(--text);stroke:var(--card)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.colophon{margin-top:36px;color:var(--muted);font-size:13px;text-align:center}
@media (max-width:600px){
 :root{--lane-w:"""
    + f"{LANE_W_PHONE}px"
    + """}
 .page{padding:12px 10px 40px}
 [id]{scroll-margin-top:84px}
 .cover{padding:20px 18px}
 .persona>header{padding:18px 16px 6px;gap:14px}
 .avatar.big{--size:76px}
 .map .lanehead{font-size:12px;padding:8px 6px}
 .sections{padding:10px 12px 16px;grid-template-columns:1fr}
 .journey>header,.journey>.about{padding:0 16px}
 .persona>footer,.journey>footer{padding:0 16px 14px}
}
@page{margin:14mm}
@page landscape{size:A4 landscape}
@media print{
 :root{"""
)
_PRINT_TAIL = """}
 body{background:#fff;font-size:11pt}
 .topbar,.back,.colophon{display:none}
 .part{break-before:page;break-after:avoid}
 .part+.persona,.part+.journey{break-before:auto}
 #journeys{page:landscape}
 .sections{display:block;columns:2;column-gap:12px}
 .block{margin-bottom:12px}
 .map{zoom:var(--print-zoom,1)}
 .page{max-width:none;padding:0}
 .card{border-color:#ccc}
 .toc{break-after:page}
 .persona{break-before:page;border:0}
 .journey{break-before:page;page:landscape;border:0}
 .map-scroll{overflow:visible;border:0}
 .block,.note,blockquote,tr{break-inside:avoid}
 a{color:inherit;text-decoration:none}
 *{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
"""


def stylesheet() -> str:
    """The whole style sheet: light by default, dark on request, the print palette on paper."""
    sizes = f"--step-w:{STEP_W}px;--lane-w:{LANE_W}px;"
    return (
        f":root{{color-scheme:light dark;{sizes}{theme_vars(LIGHT)}}}\n"
        f"@media (prefers-color-scheme:dark){{:root{{{theme_vars(DARK)}}}}}\n"
        + _BODY
        + NOTE_TEXT
        + _BODY_2
        + NOTE_META
        + _BODY_3
        + theme_vars(PRINT)
        + _PRINT_TAIL
    )

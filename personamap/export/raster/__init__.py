"""PNG and SVG pictures: a fresh offscreen scene of canvas items, never the live one.

This side needs Qt (it draws the canvas items); the PDF side (`export/pdf/`) must never import
it. `render.export_raster` is the entry point, `cli.export_command` the command's.
"""

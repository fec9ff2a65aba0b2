"""Research data in: tables people export (surveys, analytics, CRM) read, profiled and segmented
into draft personas. Qt-free; the windows that drive it live in `ui/`.

`columns` holds the shape every part agrees on (a `Table` of typed `Column`s), `read` turns a
CSV or XLSX file into one, `segment` groups its rows.
"""

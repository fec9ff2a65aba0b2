"""The live session's engine: the document a workshop room shares (a pycrdt Doc, docs/live.md)
and the host's rules that turn what participants changed into ordinary ops of its project.
Qt-free and network-free; the server and the pages build on it."""

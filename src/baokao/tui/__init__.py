"""The terminal UI (textual): a thin layer over the core that walks a candidate from
"which occupation?" to a printed answer. Start it with :func:`baokao.tui.launch.run`."""

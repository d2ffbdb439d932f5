"""baokao (报考): may a candidate apply for a vocational skill level certificate?

The package is layered so that the rules can be trusted without the UI: ``model``
holds the typed rule book and profile, ``importer`` turns the official text into
it, ``evaluator`` judges a profile against a level, ``compiler`` turns a level into
a question tree, ``session`` runs an interview, and ``tui``/``cli`` sit on top.
"""

__version__ = "0.1.0"

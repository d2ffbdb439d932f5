"""One screen per module: start, level picker, question, results, and the dialogs."""

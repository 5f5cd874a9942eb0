"""The generated package's runtime, kept as real, tested Python.

Every ``.py`` file here except this one is copied verbatim into the root of each
generated package, with the generated-file header on top (``runtime_files`` in
``codegen.generate.render.package``). The modules import each other relatively;
``_runtime`` uses the standard library only, and a module that imports botocore
(``_errors``, ``_pages``, ``_hook``) is imported only by generated modules that
need botocore anyway (``errors.py``, the clients) or, for ``_hook``'s
``enable_validation``, by the package ``__init__`` on first use of the name.

``_runtime.py`` is over the ~400-line guideline (its reason is in its own
docstring); the pattern matcher already lives apart (``_patterns``,
``_automaton``, ``_dfa``), loaded only when a pattern needs it.
"""

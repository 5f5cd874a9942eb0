"""The generated package's runtime, kept as real, tested Python.

Every ``.py`` file here except this one is copied verbatim into the root of each
generated package, with the generated-file header on top (``runtime_files`` in
``codegen.generate.render.package``). The modules import each other relatively.

Generated modules import one of them, ``_runtime`` (as ``_rt``), which only
re-exports the validation machinery from modules of one job each, layered so
each imports only those before it: ``_values`` (violations, the errors, paths),
``_shape`` (``Shape``, ``Reader``), ``_codec_base`` (the ``Codec`` protocol),
``_scalars``, ``_documents``, ``_structures``, ``_containers``. These use the
standard library only; the pattern matcher (``_patterns``, ``_automaton``,
``_dfa``) compiles on first use. A module that imports botocore (``_errors``,
``_pages``, ``_hook``) is imported only by generated modules that need botocore
anyway (``errors.py``, the clients) or, for ``_hook``'s ``enable_validation``,
by the package ``__init__`` on first use of the name.
"""

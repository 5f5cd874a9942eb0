"""Fresh environments from pinned wheels, with the generated package vendored in.

A vendored copy of ``generated/connect`` meets whatever botocore its new home
pins, so the matrix proves it on several botocore releases and CPythons: each
cell is a new virtualenv holding only botocore (and its dependencies) and
pytest, installed offline from a wheel cache filled once, with the package
copied in under another name. ``python -m tools.matrix`` runs it (``make
vendor-matrix``); an async suite plugs in as another ``Suite`` with its own
requirements (``suites.py``).
"""

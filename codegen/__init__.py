"""Generate typed, validated Python SDKs from botocore service models.

The pipeline has three layers, each in its own module:
``loader`` reads the model through botocore, ``build`` turns it into the frozen
intermediate representation of ``ir``, and ``render`` writes Python source from it
with the Jinja2 templates in ``templates/``.
"""

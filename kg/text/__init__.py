"""Stage 1, text: read and decode an article, normalise it (pinyin readings stripped, mojibake
repaired or masked, traditional -> simplified with an exact offset map back to the original) and
segment it. A :class:`kg.text.document.Document` is what every later stage reads.

Nothing here imports a later stage (extract, rdf, validate, store, review, cli).
"""

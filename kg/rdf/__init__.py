"""Stage 3, RDF: mint IRIs from stable keys, build the graph of a document's facts in the
contract's vocabulary (:mod:`kg.rdf.namespace`), and read and write RDF (Turtle, JSON-LD,
N-Quads) atomically."""

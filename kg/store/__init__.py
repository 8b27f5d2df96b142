"""Stage 5, store: graphs loaded into the embedded Oxigraph store or a remote SPARQL 1.1 store
(:mod:`kg.store.backends`), the details index beside the embedded one, and the named questions
(:mod:`kg.store.query`, SPARQL files in ``kg/store/queries``)."""

fn

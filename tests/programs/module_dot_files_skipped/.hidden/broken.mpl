this is ( not valid mesh

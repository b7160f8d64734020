# A migration-like file: part of the program (module Migrations.20260216120000CreateInitialSchema).
pub fn up(n :: Int) -> Int!String do
  Ok(n)
end

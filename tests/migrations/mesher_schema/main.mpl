# The Mesher data model (mesher.md §3) as a Mesh migration: a fixture of the migration
# tests (crates/meshc/tests/migrate.rs). `meshc migrate tests/migrations/mesher_schema up`.
fn main() do
  println("run with: meshc migrate tests/migrations/mesher_schema up")
end

# Struct-body options: table, primary_key, timestamps, and relationships (targets unchecked).
struct Issue do
  table "issues_v2"
  primary_key :token
  token :: String
  title :: String
  timestamps true
  belongs_to :project, Project
  has_many :events, Event
  has_one :summary, Summary
end deriving(Schema)

fn main() do
  println(Issue.__table__())
  println(Issue.__primary_key__())
  println("${Issue.__fields__()}")
  println("${Issue.__relationships__()}")
  println("${Issue.__relationship_meta__()}")
  println(Issue.__title_col__())
end

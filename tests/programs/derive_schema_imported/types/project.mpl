pub struct Project do
  table "projects"
  id :: String
  name :: String
  has_many :issues, Issue
end deriving(Schema, Json, Row)

# The 11 Mesher structs (mesher.md §3.5) with deriving(Schema, Json, Row): they compile and
# their metadata is right for the real schema (tables from the `table` option, `primary_key`,
# relationship targets' own table names).

struct Organization do
  table "organizations"
  id :: String
  name :: String
  slug :: String
  created_at :: String
  has_many :projects, Project
  has_many :org_memberships, OrgMembership
end deriving(Schema, Json, Row)

struct Project do
  table "projects"
  id :: String
  org_id :: String
  name :: String
  platform :: String
  created_at :: String
  has_many :api_keys, ApiKey
  has_many :issues, Issue
  has_many :events, Event
  has_many :alert_rules, AlertRule
  has_many :alerts, Alert
  belongs_to :org, Organization
end deriving(Schema, Json, Row)

struct ApiKey do
  table "api_keys"
  id :: String
  project_id :: String
  key_value :: String
  label :: String
  created_at :: String
  revoked_at :: Option<String>
  belongs_to :project, Project
end deriving(Schema, Json, Row)

struct User do
  table "users"
  id :: String
  email :: String
  display_name :: String
  created_at :: String
  has_many :org_memberships, OrgMembership
  has_many :sessions, Session
end deriving(Schema, Json, Row)

struct OrgMembership do
  table "org_memberships"
  id :: String
  user_id :: String
  org_id :: String
  role :: String
  joined_at :: String
  belongs_to :user, User
  belongs_to :org, Organization
end deriving(Schema, Json, Row)

struct Session do
  table "sessions"
  primary_key :token
  token :: String
  user_id :: String
  created_at :: String
  expires_at :: String
  belongs_to :user, User
end deriving(Schema, Json, Row)

struct Issue do
  table "issues"
  id :: String
  project_id :: String
  fingerprint :: String
  title :: String
  level :: String
  status :: String
  event_count :: Int
  first_seen :: String
  last_seen :: String
  assigned_to :: String
  belongs_to :project, Project
  has_many :events, Event
end deriving(Schema, Json, Row)

struct Event do
  table "events"
  id :: String
  project_id :: String
  issue_id :: String
  level :: String
  message :: String
  fingerprint :: String
  exception :: String
  stacktrace :: String
  breadcrumbs :: String
  tags :: String
  extra :: String
  user_context :: String
  sdk_name :: String
  sdk_version :: String
  received_at :: String
  belongs_to :project, Project
  belongs_to :issue, Issue
end deriving(Schema, Json, Row)

struct AlertRule do
  table "alert_rules"
  id :: String
  project_id :: String
  name :: String
  condition_json :: String
  action_json :: String
  enabled :: Bool
  created_at :: String
  belongs_to :project, Project
  has_many :alerts, Alert
end deriving(Schema, Json, Row)

struct Alert do
  table "alerts"
  id :: String
  rule_id :: String
  project_id :: String
  status :: String
  message :: String
  condition_snapshot :: String
  triggered_at :: String
  acknowledged_at :: String
  resolved_at :: String
  belongs_to :rule, AlertRule
  belongs_to :project, Project
end deriving(Schema, Json, Row)

struct RetentionSettings do
  table "projects"
  retention_days :: String
  sample_rate :: String
end deriving(Schema, Json, Row)

fn meta(name :: String, table :: String, pk :: String, fields :: List<String>, types :: List<String>, rels :: List<String>) do
  println(name <> ": table " <> table <> ", primary key " <> pk)
  println("  fields ${fields}")
  println("  types ${types}")
  List.map(rels, fn(r) -> println("  " <> r) end)
end

fn main() do
  meta("Organization", Organization.__table__(), Organization.__primary_key__(), Organization.__fields__(), Organization.__field_types__(), Organization.__relationship_meta__())
  meta("Project", Project.__table__(), Project.__primary_key__(), Project.__fields__(), Project.__field_types__(), Project.__relationship_meta__())
  meta("ApiKey", ApiKey.__table__(), ApiKey.__primary_key__(), ApiKey.__fields__(), ApiKey.__field_types__(), ApiKey.__relationship_meta__())
  meta("User", User.__table__(), User.__primary_key__(), User.__fields__(), User.__field_types__(), User.__relationship_meta__())
  meta("OrgMembership", OrgMembership.__table__(), OrgMembership.__primary_key__(), OrgMembership.__fields__(), OrgMembership.__field_types__(), OrgMembership.__relationship_meta__())
  meta("Session", Session.__table__(), Session.__primary_key__(), Session.__fields__(), Session.__field_types__(), Session.__relationship_meta__())
  meta("Issue", Issue.__table__(), Issue.__primary_key__(), Issue.__fields__(), Issue.__field_types__(), Issue.__relationship_meta__())
  meta("Event", Event.__table__(), Event.__primary_key__(), Event.__fields__(), Event.__field_types__(), Event.__relationship_meta__())
  meta("AlertRule", AlertRule.__table__(), AlertRule.__primary_key__(), AlertRule.__fields__(), AlertRule.__field_types__(), AlertRule.__relationship_meta__())
  meta("Alert", Alert.__table__(), Alert.__primary_key__(), Alert.__fields__(), Alert.__field_types__(), Alert.__relationship_meta__())
  meta("RetentionSettings", RetentionSettings.__table__(), RetentionSettings.__primary_key__(), RetentionSettings.__fields__(), RetentionSettings.__field_types__(), RetentionSettings.__relationship_meta__())
  println("${Project.__relationships__()}")
  println(Session.__token_col__() <> " " <> Issue.__event_count_col__())
  # Json and Row work on the same structs.
  let key = ApiKey { id: "k1", project_id: "p1", key_value: "mshr_x", label: "default", created_at: "2026-02-16", revoked_at: None }
  println(Json.encode(key))
  case ApiKey.from_json(Json.encode(key)) do
    Ok(k) -> println("json round trip: ${k.key_value} ${k.revoked_at}")
    Err(e) -> println("json error: " <> e)
  end
  case Issue.from_row(%{"id" => "i1", "project_id" => "p1", "fingerprint" => "f", "title" => "t", "level" => "error", "status" => "unresolved", "event_count" => "12", "first_seen" => "a", "last_seen" => "b", "assigned_to" => ""}) do
    Ok(i) -> println("row: ${i.event_count + 1} [${i.assigned_to}]")
    Err(e) -> println("row error: " <> e)
  end
  case AlertRule.from_row(%{"id" => "r", "project_id" => "p", "name" => "n", "condition_json" => "{}", "action_json" => "{}", "enabled" => "t", "created_at" => "c"}) do
    Ok(r) -> println("enabled: ${r.enabled}")
    Err(e) -> println("row error: " <> e)
  end
end

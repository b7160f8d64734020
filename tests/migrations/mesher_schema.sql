-- The Mesher schema of mesher.md §3, written by hand as plain SQL from the specification's
-- tables. It is the independent reference the migration fixture `mesher_schema/` is compared
-- with: the test applies this file to one database and the Mesh migrations to another, and
-- the two catalogs must be identical.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE organizations (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  display_name TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE org_memberships (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  role TEXT NOT NULL DEFAULT 'member',
  joined_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (user_id, org_id)
);

CREATE TABLE sessions (
  token TEXT PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL DEFAULT now() + interval '7 days'
);

CREATE TABLE projects (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  platform TEXT,
  slug TEXT,
  retention_days INTEGER NOT NULL DEFAULT 90,
  sample_rate REAL NOT NULL DEFAULT 1.0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  key_value TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL DEFAULT 'default',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at TIMESTAMPTZ
);

CREATE TABLE issues (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL,
  fingerprint TEXT NOT NULL,
  title TEXT NOT NULL,
  level TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'unresolved',
  event_count INTEGER NOT NULL DEFAULT 0,
  first_seen TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_seen TIMESTAMPTZ NOT NULL DEFAULT now(),
  assigned_to UUID REFERENCES users(id),
  UNIQUE (project_id, fingerprint)
);

CREATE TABLE events (
  id UUID NOT NULL DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL,
  issue_id UUID NOT NULL,
  level TEXT NOT NULL,
  message TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  exception JSONB,
  stacktrace JSONB,
  breadcrumbs JSONB,
  tags JSONB NOT NULL DEFAULT '{}',
  extra JSONB NOT NULL DEFAULT '{}',
  user_context JSONB,
  sdk_name TEXT,
  sdk_version TEXT,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (id, received_at)
) PARTITION BY RANGE (received_at);

CREATE TABLE alert_rules (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  condition_json JSONB NOT NULL,
  action_json JSONB NOT NULL,
  enabled BOOLEAN NOT NULL DEFAULT true,
  cooldown_minutes INTEGER NOT NULL DEFAULT 60,
  last_fired_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE alerts (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  rule_id UUID NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
  project_id UUID NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'active',
  message TEXT NOT NULL,
  condition_snapshot JSONB NOT NULL,
  triggered_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  acknowledged_at TIMESTAMPTZ,
  resolved_at TIMESTAMPTZ
);

-- §3.3: the 19 explicit indexes.
CREATE UNIQUE INDEX idx_projects_slug ON projects (slug) WHERE slug IS NOT NULL;
CREATE INDEX idx_org_memberships_user ON org_memberships (user_id);
CREATE INDEX idx_org_memberships_org ON org_memberships (org_id);
CREATE INDEX idx_sessions_user ON sessions (user_id);
CREATE INDEX idx_sessions_expires ON sessions (expires_at);
CREATE INDEX idx_projects_org ON projects (org_id);
CREATE INDEX idx_api_keys_project ON api_keys (project_id);
CREATE INDEX idx_api_keys_value ON api_keys (key_value) WHERE revoked_at IS NULL;
CREATE INDEX idx_issues_project_status ON issues (project_id, status);
CREATE INDEX idx_issues_project_last_seen ON issues (project_id, last_seen DESC);
CREATE INDEX idx_events_project_received ON events (project_id, received_at DESC);
CREATE INDEX idx_events_issue_received ON events (issue_id, received_at DESC);
CREATE INDEX idx_events_level ON events (level, received_at DESC);
CREATE INDEX idx_events_fingerprint ON events (fingerprint);
CREATE INDEX idx_events_tags ON events USING GIN (tags jsonb_path_ops);
CREATE INDEX idx_alert_rules_project ON alert_rules (project_id) WHERE enabled = true;
CREATE INDEX idx_alerts_project_status ON alerts (project_id, status);
CREATE INDEX idx_alerts_rule ON alerts (rule_id);
CREATE INDEX idx_alerts_triggered ON alerts (triggered_at DESC);

-- §3.4: day partitions named events_YYYYMMDD (the fixture's second migration makes three).
CREATE TABLE events_20260216 PARTITION OF events FOR VALUES FROM ('2026-02-16') TO ('2026-02-17');
CREATE TABLE events_20260217 PARTITION OF events FOR VALUES FROM ('2026-02-17') TO ('2026-02-18');
CREATE TABLE events_20260218 PARTITION OF events FOR VALUES FROM ('2026-02-18') TO ('2026-02-19');

/* sp-migrations.c — the workspace schema, one migration per PRAGMA user_version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-migrations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-store-private.h"

/* Version 1 holds every entity of the product so that later work extends it rather than
 * redesigns it. Money columns are INTEGER minor units; dates are ISO-8601 TEXT. */
static const char schema_v1[] =
  "CREATE TABLE setting ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ");"
  "CREATE TABLE holiday ("
  "  day  TEXT PRIMARY KEY NOT NULL CHECK (date(day) IS day),"
  "  name TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE region ("
  "  id       INTEGER PRIMARY KEY,"
  "  name     TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE rep ("
  "  id        INTEGER PRIMARY KEY,"
  "  name      TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  region_id INTEGER REFERENCES region (id) ON DELETE RESTRICT,"
  "  hired_on  TEXT CHECK (hired_on IS NULL OR date(hired_on) IS hired_on),"
  "  left_on   TEXT CHECK (left_on IS NULL OR date(left_on) IS left_on),"
  "  UNIQUE (name, region_id)"
  ");"
  /* A rep's region over time, for history that must be attributed to the region of the day. */
  "CREATE TABLE rep_region ("
  "  rep_id    INTEGER NOT NULL REFERENCES rep (id) ON DELETE CASCADE,"
  "  region_id INTEGER NOT NULL REFERENCES region (id) ON DELETE CASCADE,"
  "  from_day  TEXT NOT NULL CHECK (date(from_day) IS from_day),"
  "  PRIMARY KEY (rep_id, from_day)"
  ");"
  "CREATE TABLE product ("
  "  id       INTEGER PRIMARY KEY,"
  "  name     TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  category TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE customer_type ("
  "  id   INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)"
  ");"
  "CREATE TABLE customer ("
  "  id               INTEGER PRIMARY KEY,"
  "  name             TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  class            TEXT NOT NULL DEFAULT 'scattered'"
  "                   CHECK (class IN ('strategic', 'industry', 'scattered')),"
  "  intent_grade     TEXT NOT NULL DEFAULT '' CHECK (intent_grade IN ('', 'A', 'B', 'C', 'D')),"
  "  customer_type_id INTEGER REFERENCES customer_type (id) ON DELETE SET NULL,"
  "  region_id        INTEGER REFERENCES region (id) ON DELETE SET NULL,"
  "  external_ref     TEXT"
  ");"
  "CREATE TABLE history_order ("
  "  id               INTEGER PRIMARY KEY,"
  "  order_day        TEXT NOT NULL CHECK (date(order_day) IS order_day),"
  "  amount           INTEGER NOT NULL,"
  "  region_id        INTEGER REFERENCES region (id) ON DELETE SET NULL,"
  "  rep_id           INTEGER REFERENCES rep (id) ON DELETE SET NULL,"
  "  product_id       INTEGER REFERENCES product (id) ON DELETE SET NULL,"
  "  customer_type_id INTEGER REFERENCES customer_type (id) ON DELETE SET NULL,"
  "  customer_ref     TEXT,"
  "  order_ref        TEXT"
  ");"
  "CREATE TABLE plan ("
  "  id              INTEGER PRIMARY KEY,"
  "  fiscal_year     INTEGER NOT NULL,"
  "  team            TEXT NOT NULL DEFAULT '',"
  "  target          INTEGER NOT NULL DEFAULT 0 CHECK (target >= 0),"
  "  sprint          INTEGER NOT NULL DEFAULT 0 CHECK (sprint >= 0),"
  "  challenge       INTEGER NOT NULL DEFAULT 0 CHECK (challenge >= 0),"
  "  basis_years     TEXT NOT NULL DEFAULT '',"        /* e.g. "2024,2025" */
  "  basis_amount    INTEGER,"                          /* typed basis, when not from history */
  "  growth_bp       INTEGER NOT NULL DEFAULT 0,"       /* growth in basis points (1250 = 12.5%) */
  "  swot_notes      TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (fiscal_year, team)"
  ");"
  /* The other bases of the target (行业, 人员, 渠道, 产品): a signed % or amount with a note. */
  "CREATE TABLE plan_adjustment ("
  "  id       INTEGER PRIMARY KEY,"
  "  plan_id  INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  basis    TEXT NOT NULL CHECK (basis IN ('industry', 'headcount', 'channels', 'products')),"
  "  kind     TEXT NOT NULL CHECK (kind IN ('percent', 'amount')),"
  "  value    INTEGER NOT NULL,"                        /* basis points or minor units */
  "  note     TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (plan_id, basis)"
  ");"
  /* Bottom-up 汇总法: each rep's commitment. */
  "CREATE TABLE plan_commitment ("
  "  plan_id  INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  rep_id   INTEGER NOT NULL REFERENCES rep (id) ON DELETE CASCADE,"
  "  amount   INTEGER NOT NULL CHECK (amount >= 0),"
  "  PRIMARY KEY (plan_id, rep_id)"
  ");"
  "CREATE TABLE ogsmt_item ("
  "  id           INTEGER PRIMARY KEY,"
  "  plan_id      INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  kind         TEXT NOT NULL CHECK (kind IN ('objective', 'goal', 'strategy', 'measure')),"
  "  position     INTEGER NOT NULL DEFAULT 0,"
  "  text         TEXT NOT NULL DEFAULT '',"
  "  target_value INTEGER,"
  "  deadline     TEXT CHECK (deadline IS NULL OR date(deadline) IS deadline)"
  ");"
  /* One cell of a plan's breakdown: a period (year, quarter, month, week, day starting at
   * period_start) crossed with a member of a dimension (member_id 0 is the whole team). */
  "CREATE TABLE breakdown_cell ("
  "  id            INTEGER PRIMARY KEY,"
  "  plan_id       INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  period_kind   TEXT NOT NULL CHECK (period_kind IN ('year', 'quarter', 'month', 'week', 'day')),"
  "  period_start  TEXT NOT NULL CHECK (date(period_start) IS period_start),"
  "  dimension     TEXT NOT NULL CHECK (dimension IN ('team', 'region', 'rep', 'product', 'customer_type')),"
  "  member_id     INTEGER NOT NULL DEFAULT 0,"
  "  amount        INTEGER NOT NULL CHECK (amount >= 0),"
  "  locked        INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),"
  "  weight_source TEXT NOT NULL DEFAULT 'equal'"
  "                CHECK (weight_source IN ('equal', 'working_days', 'history', 'headcount', 'custom')),"
  "  weight        INTEGER,"                            /* custom weight */
  "  UNIQUE (plan_id, period_kind, period_start, dimension, member_id)"
  ");"
  "CREATE TABLE worklog_entry ("
  "  id               INTEGER PRIMARY KEY,"
  "  rep_id           INTEGER NOT NULL REFERENCES rep (id) ON DELETE CASCADE,"
  "  day              TEXT NOT NULL CHECK (date(day) IS day),"
  "  prospects        INTEGER NOT NULL DEFAULT 0 CHECK (prospects >= 0),"
  "  appointments     INTEGER NOT NULL DEFAULT 0 CHECK (appointments >= 0),"
  "  presentations    INTEGER NOT NULL DEFAULT 0 CHECK (presentations >= 0),"
  "  objections       INTEGER NOT NULL DEFAULT 0 CHECK (objections >= 0),"
  "  closes           INTEGER NOT NULL DEFAULT 0 CHECK (closes >= 0),"
  "  orders           INTEGER NOT NULL DEFAULT 0 CHECK (orders >= 0),"
  "  revenue          INTEGER NOT NULL DEFAULT 0,"
  "  new_customers    INTEGER NOT NULL DEFAULT 0 CHECK (new_customers >= 0),"
  "  repeat_purchases INTEGER NOT NULL DEFAULT 0 CHECK (repeat_purchases >= 0),"
  "  collected        INTEGER NOT NULL DEFAULT 0,"
  "  summary          TEXT NOT NULL DEFAULT '',"
  "  problems         TEXT NOT NULL DEFAULT '',"
  "  help_needed      TEXT NOT NULL DEFAULT '',"
  "  tomorrow_plan    TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (rep_id, day)"
  ");"
  "CREATE TABLE pipeline_stage ("
  "  id              INTEGER PRIMARY KEY,"
  "  name            TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  position        INTEGER NOT NULL,"
  "  probability_pct INTEGER NOT NULL CHECK (probability_pct BETWEEN 0 AND 100),"
  "  outcome         TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'won', 'lost'))"
  ");"
  "CREATE TABLE opportunity ("
  "  id             INTEGER PRIMARY KEY,"
  "  title          TEXT NOT NULL DEFAULT '',"
  "  customer_id    INTEGER REFERENCES customer (id) ON DELETE SET NULL,"
  "  rep_id         INTEGER REFERENCES rep (id) ON DELETE SET NULL,"
  "  product_id     INTEGER REFERENCES product (id) ON DELETE SET NULL,"
  "  stage_id       INTEGER NOT NULL REFERENCES pipeline_stage (id),"
  "  amount         INTEGER NOT NULL CHECK (amount >= 0),"
  "  created_on     TEXT NOT NULL CHECK (date(created_on) IS created_on),"
  "  expected_close TEXT CHECK (expected_close IS NULL OR date(expected_close) IS expected_close),"
  "  closed_on      TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),"
  "  invoiced       INTEGER NOT NULL DEFAULT 0 CHECK (invoiced >= 0),"
  "  collected      INTEGER NOT NULL DEFAULT 0 CHECK (collected >= 0)"
  ");"
  "CREATE TABLE opportunity_stage_history ("
  "  id             INTEGER PRIMARY KEY,"
  "  opportunity_id INTEGER NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,"
  "  stage_id       INTEGER NOT NULL REFERENCES pipeline_stage (id),"
  "  entered_on     TEXT NOT NULL CHECK (date(entered_on) IS entered_on)"
  ");"
  "CREATE TABLE meeting ("
  "  id           INTEGER PRIMARY KEY,"
  "  kind         TEXT NOT NULL CHECK (kind IN ('morning', 'evening', 'weekly', 'monthly',"
  "                                               'review', 'sharing', 'coaching', 'workshop')),"
  "  scheduled_at TEXT NOT NULL,"
  "  title        TEXT NOT NULL DEFAULT '',"
  "  agenda       TEXT NOT NULL DEFAULT '',"
  "  minutes      TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE action_item ("
  "  id         INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  rep_id     INTEGER REFERENCES rep (id) ON DELETE SET NULL,"
  "  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  due_on     TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),"
  "  phase      TEXT NOT NULL DEFAULT 'plan' CHECK (phase IN ('plan', 'do', 'check', 'act', 'done'))"
  ");";

/* Version 2: the indexes the views' aggregations need (work log by day, opportunities by rep
 * and stage, history by day) and a reason for lost opportunities. */
static const char schema_v2[] =
  "CREATE INDEX history_order_by_day ON history_order (order_day);"
  "CREATE INDEX history_order_by_rep ON history_order (rep_id, order_day);"
  "CREATE INDEX worklog_entry_by_day ON worklog_entry (day);"
  "CREATE INDEX opportunity_by_rep ON opportunity (rep_id, stage_id);"
  "CREATE INDEX opportunity_by_stage ON opportunity (stage_id, expected_close);"
  "CREATE INDEX opportunity_stage_history_by_opportunity"
  "  ON opportunity_stage_history (opportunity_id, entered_on);"
  "CREATE INDEX rep_by_region ON rep (region_id);"
  "CREATE INDEX breakdown_cell_by_plan ON breakdown_cell (plan_id, dimension, period_kind);"
  "ALTER TABLE opportunity ADD COLUMN lost_reason TEXT NOT NULL DEFAULT '';";

/* Version 3: the SWOT analysis of a plan as four quadrants (优势, 劣势, 机会, 威胁) instead of
 * one free-text plan.swot_notes. An older plan's non-empty swot_notes is copied as it was
 * into its 'strengths' quadrant so that nothing is lost (the user can move the parts to the
 * other quadrants); the old column stays in the schema but is no longer read or written. */
static const char schema_v3[] =
  "CREATE TABLE plan_swot ("
  "  plan_id  INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  quadrant TEXT NOT NULL"
  "           CHECK (quadrant IN ('strengths', 'weaknesses', 'opportunities', 'threats')),"
  "  text     TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (plan_id, quadrant)"
  ");"
  "INSERT INTO plan_swot (plan_id, quadrant, text)"
  "  SELECT id, 'strengths', swot_notes FROM plan WHERE swot_notes <> '';";

/* Version 4: a plan's ramp-up factors (新人爬坡) for a new hire's first months, as basis points
 * separated by commas ("5000,7500,10000": 50 %, 75 %, 100 %); empty: none. */
static const char schema_v4[] =
  "ALTER TABLE plan ADD COLUMN ramp_factors TEXT NOT NULL DEFAULT '';";

/* Version 5: meetings (会议经营). Per-workspace wording of the meeting types (a NULL column
 * keeps the built-in text), the meeting plan (会议经营计划: a cadence and a time per type), and
 * what a held meeting records: the review's period, the rep and the won opportunity a sharing
 * or coaching session is about, whether it was held, attendees, and notes keyed by section
 * (minutes per agenda section, decisions, the motivation meetings' record fields). */
static const char schema_v5[] =
  "CREATE TABLE meeting_template ("
  "  kind      TEXT PRIMARY KEY CHECK (kind IN ('morning', 'evening', 'weekly', 'monthly',"
  "                                            'review', 'sharing', 'coaching', 'workshop')),"
  "  timing    TEXT,"
  "  flow      TEXT,"
  "  operation TEXT,"
  "  goal      TEXT"
  ");"
  "CREATE TABLE meeting_schedule ("
  "  id        INTEGER PRIMARY KEY,"
  "  kind      TEXT NOT NULL CHECK (kind IN ('morning', 'evening', 'weekly', 'monthly',"
  "                                            'review', 'sharing', 'coaching', 'workshop')),"
  "  cadence   TEXT NOT NULL CHECK (cadence IN ('daily', 'weekly', 'monthly', 'quarterly',"
  "                                             'half-yearly', 'yearly')),"
  "  weekday   INTEGER NOT NULL DEFAULT 0 CHECK (weekday BETWEEN 0 AND 7),"
  "  month_day INTEGER NOT NULL DEFAULT 0 CHECK (month_day BETWEEN 0 AND 31),"
  "  at_end    INTEGER NOT NULL DEFAULT 1 CHECK (at_end IN (0, 1)),"
  "  time      TEXT NOT NULL DEFAULT '09:00'"
  "            CHECK (length(time) = 5 AND time(time || ':00') IS time || ':00'),"
  "  UNIQUE (kind, cadence)"
  ");"
  "ALTER TABLE meeting ADD COLUMN review_period TEXT NOT NULL DEFAULT ''"
  "  CHECK (review_period IN ('', 'quarter', 'half-year', 'year'));"
  "ALTER TABLE meeting ADD COLUMN rep_id INTEGER REFERENCES rep (id) ON DELETE SET NULL;"
  "ALTER TABLE meeting ADD COLUMN opportunity_id INTEGER"
  "  REFERENCES opportunity (id) ON DELETE SET NULL;"
  "ALTER TABLE meeting ADD COLUMN held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1));"
  "CREATE TABLE meeting_attendee ("
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  rep_id     INTEGER NOT NULL REFERENCES rep (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (meeting_id, rep_id)"
  ");"
  "CREATE TABLE meeting_note ("
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  section    TEXT NOT NULL CHECK (length(section) > 0),"
  "  text       TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (meeting_id, section)"
  ");"
  "CREATE INDEX meeting_by_time ON meeting (scheduled_at);"
  "CREATE INDEX action_item_by_meeting ON action_item (meeting_id);";

/* Version 6 (the team, 工作交接): a customer's rep (客户归属), so that a rep who leaves hands
 * their customers over with their open opportunities and a merged rep's customers follow.
 * Existing customers have none (NULL) until one is set. */
static const char schema_v6[] =
  "ALTER TABLE customer ADD COLUMN rep_id INTEGER REFERENCES rep (id) ON DELETE SET NULL;"
  "CREATE INDEX customer_by_rep ON customer (rep_id);";

/* Version 7: evaluation (评估、辅导和考核). The scorecard's indicators (weight and monthly
 * target per rep), a plan's target revisions (目标修正: the baseline stays in plan.target),
 * coaching records (辅导: PESOS steps or a 工作沟通四步法 talk) and their steps. */
static const char schema_v7[] =
  "CREATE TABLE scorecard_indicator ("
  "  indicator      TEXT PRIMARY KEY CHECK (indicator IN ('revenue', 'new-customers', 'orders',"
  "                                                        'collection', 'activity')),"
  "  weight_bp      INTEGER NOT NULL CHECK (weight_bp BETWEEN 0 AND 10000),"
  "  monthly_target INTEGER NOT NULL DEFAULT 0 CHECK (monthly_target >= 0)"
  ");"
  "CREATE TABLE target_revision ("
  "  id         INTEGER PRIMARY KEY,"
  "  plan_id    INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  revised_on TEXT NOT NULL CHECK (date(revised_on) IS revised_on),"
  "  reason     TEXT NOT NULL DEFAULT '',"
  "  amount     INTEGER NOT NULL CHECK (amount >= 0)"
  ");"
  "CREATE TABLE coaching_record ("
  "  id         INTEGER PRIMARY KEY,"
  "  rep_id     INTEGER NOT NULL REFERENCES rep (id) ON DELETE CASCADE,"
  "  skill      TEXT NOT NULL CHECK (length(skill) > 0),"
  "  kind       TEXT NOT NULL CHECK (kind IN ('pesos', 'talk')),"
  "  day        TEXT NOT NULL CHECK (date(day) IS day),"
  "  problem    TEXT NOT NULL DEFAULT '',"
  "  method     TEXT NOT NULL DEFAULT '',"
  "  resources  TEXT NOT NULL DEFAULT '',"
  "  agreement  TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE coaching_step ("
  "  record_id  INTEGER NOT NULL REFERENCES coaching_record (id) ON DELETE CASCADE,"
  "  step       INTEGER NOT NULL CHECK (step BETWEEN 0 AND 4),"
  "  day        TEXT CHECK (day IS NULL OR date(day) IS day),"
  "  note       TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (record_id, step)"
  ");"
  "CREATE INDEX target_revision_by_plan ON target_revision (plan_id, revised_on);"
  "CREATE INDEX coaching_record_by_rep ON coaching_record (rep_id, day);";

static const char * const migrations[] = {
  NULL,        /* version 0: an empty file */
  schema_v1,
  schema_v2,
  schema_v3,
  schema_v4,
  schema_v5,
  schema_v6,
  schema_v7,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SP_STORE_SCHEMA_VERSION + 1);

static const char * const user_tables[] = {
  "setting",
  "holiday",
  "region",
  "rep",
  "rep_region",
  "product",
  "customer_type",
  "customer",
  "history_order",
  "plan",
  "plan_adjustment",
  "plan_commitment",
  "ogsmt_item",
  "plan_swot",
  "breakdown_cell",
  "worklog_entry",
  "pipeline_stage",
  "opportunity",
  "opportunity_stage_history",
  "meeting",
  "action_item",
  "meeting_template",
  "meeting_schedule",
  "meeting_attendee",
  "meeting_note",
  "scorecard_indicator",
  "target_revision",
  "coaching_record",
  "coaching_step",
  NULL
};

const char * const *
sp_migrations_user_tables (void)
{
  return user_tables;
}

static int
get_user_version (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);

  return version;
}

gboolean
sp_migrations_run (sqlite3  *db,
                   GError  **error)
{
  int version = get_user_version (db);

  if (version < 0)
    return sp_sql_set_error (db, error, _("Could not read the workspace’s version"));
  if (version >= SP_STORE_SCHEMA_VERSION)
    return TRUE;

  /* One transaction for every step: a workspace is upgraded all the way, or not at all. */
  if (!sp_sql_exec (db, "BEGIN IMMEDIATE;", error))
    return FALSE;

  for (int next = version + 1; next <= SP_STORE_SCHEMA_VERSION; next++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d;", next);

      if (!sp_sql_exec (db, migrations[next], error)
          || (next == 1 && !sp_sql_exec (db, "PRAGMA application_id = 1397779566;", error))
          || !sp_sql_exec (db, bump, error))
        {
          sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
          g_prefix_error (error, _("Could not upgrade the workspace to version %d: "), next);
          return FALSE;
        }
    }

  if (!sp_sql_exec (db, "COMMIT;", error))
    {
      sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }

  g_debug ("Migrated workspace from version %d to %d", version, SP_STORE_SCHEMA_VERSION);
  return TRUE;
}

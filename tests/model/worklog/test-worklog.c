/* test-worklog.c — work log entries: validation, saving, undo, summaries, key figures,
 * required rates, and no acknowledged edit lost to kill -9
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sp-model.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

typedef struct
{
  char    *dir;
  char    *path;
  SpStore *store;
} Workspace;

static void
workspace_open (Workspace *ws)
{
  g_autoptr(GError) error = NULL;

  ws->dir = sp_test_make_dir ();
  ws->path = g_build_filename (ws->dir, "workspace.db", NULL);
  ws->store = sp_store_open (ws->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ws->store);
}

static void
workspace_close (Workspace *ws)
{
  g_clear_object (&ws->store);
  sp_test_remove_tree (ws->dir);
  g_clear_pointer (&ws->dir, g_free);
  g_clear_pointer (&ws->path, g_free);
}

static void
exec_sql (Workspace  *ws,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_store_begin_edit (ws->store, "Test", &error));
  g_assert_no_error (error);
  g_assert_true (sp_sql_exec (sp_store_get_db (ws->store), sql, &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_commit_edit (ws->store, &error));
  g_assert_no_error (error);
}

static gint64
query_int (Workspace  *ws,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (sp_store_get_db (ws->store), sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
content_hash (Workspace *ws)
{
  g_autoptr(GError) error = NULL;
  char *hash = sp_store_content_hash (ws->store, &error);

  g_assert_no_error (error);
  return hash;
}

static GDate
day (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (sp_date_parse_iso (iso, &date));
  return date;
}

static void
assert_day (const GDate *date,
            const char  *iso)
{
  g_autofree char *text = sp_date_format_iso (date);

  g_assert_cmpstr (text, ==, iso);
}

static void
add_reps (Workspace *ws)
{
  exec_sql (ws,
            "INSERT INTO region (id, name) VALUES (1, 'North'), (2, 'South');"
            "INSERT INTO rep (id, name, region_id) VALUES"
            " (1, 'Li Lei', 1), (2, 'Han Meimei', 2), (3, 'Wang Fang', 1);");
}

static void
set_ok (Workspace      *ws,
        gint64          rep_id,
        const char     *iso,
        SpWorklogField  field,
        const char     *text)
{
  g_autoptr(GError) error = NULL;
  GDate date = day (iso);

  g_assert_true (sp_worklog_set_field (ws->store, rep_id, &date, field, text, &error));
  g_assert_no_error (error);
}

static gint64
get_value (Workspace      *ws,
           gint64          rep_id,
           const char     *iso,
           SpWorklogField  field)
{
  g_auto(SpWorklogEntry) entry = { 0 };
  g_autoptr(GError) error = NULL;
  GDate date = day (iso);
  gboolean exists = FALSE;

  g_assert_true (sp_worklog_get (ws->store, rep_id, &date, &entry, &exists, &error));
  g_assert_no_error (error);
  g_assert_true (exists);
  return entry.values[field];
}

static gboolean
entry_exists (Workspace  *ws,
              gint64      rep_id,
              const char *iso)
{
  g_auto(SpWorklogEntry) entry = { 0 };
  g_autoptr(GError) error = NULL;
  GDate date = day (iso);
  gboolean exists = TRUE;

  g_assert_true (sp_worklog_get (ws->store, rep_id, &date, &entry, &exists, &error));
  g_assert_no_error (error);
  return exists;
}

/* Fields */

static void
test_fields (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  SpWorklogField field;

  workspace_open (&ws);
  columns = sp_sql_table_columns (sp_store_get_db (ws.store), "main", "worklog_entry", &error);
  g_assert_no_error (error);
  /* id, rep_id, day, then the fields in SpWorklogField order */
  g_assert_cmpuint (columns->len, ==, 3 + SP_WORKLOG_N_FIELDS);
  for (guint i = 0; i < SP_WORKLOG_N_FIELDS; i++)
    {
      const char *key = sp_worklog_field_get_key ((SpWorklogField) i);

      g_assert_cmpstr (key, ==, g_ptr_array_index (columns, 3 + i));
      g_assert_true (sp_worklog_field_from_key (key, &field));
      g_assert_cmpint (field, ==, i);
      g_assert_nonnull (sp_worklog_field_get_label ((SpWorklogField) i));
    }
  g_assert_false (sp_worklog_field_from_key ("id", &field));
  g_assert_false (sp_worklog_field_from_key ("Prospects", &field));

  for (guint i = 0; i < SP_WORKLOAD_N_STAGES; i++)
    g_assert_cmpstr (sp_worklog_field_get_label ((SpWorklogField) i), ==,
                     sp_workload_stage_get_name ((SpWorkloadStage) i));
  g_assert_cmpstr (sp_worklog_field_get_key (SP_WORKLOG_FIELD_TOMORROW_PLAN), ==, "tomorrow_plan");
  g_assert_cmpstr (sp_worklog_field_get_label (SP_WORKLOG_FIELD_ORDERS), ==, "Orders");
  g_assert_cmpstr (sp_worklog_field_get_label (SP_WORKLOG_FIELD_TOMORROW_PLAN), ==,
                   "Tomorrow’s plan");

  g_assert_cmpint (sp_worklog_field_get_kind (SP_WORKLOG_FIELD_CLOSES), ==, SP_WORKLOG_KIND_COUNT);
  g_assert_cmpint (sp_worklog_field_get_kind (SP_WORKLOG_FIELD_ORDERS), ==, SP_WORKLOG_KIND_COUNT);
  g_assert_cmpint (sp_worklog_field_get_kind (SP_WORKLOG_FIELD_REVENUE), ==, SP_WORKLOG_KIND_MONEY);
  g_assert_cmpint (sp_worklog_field_get_kind (SP_WORKLOG_FIELD_COLLECTED), ==,
                   SP_WORKLOG_KIND_MONEY);
  g_assert_cmpint (sp_worklog_field_get_kind (SP_WORKLOG_FIELD_REPEAT_PURCHASES), ==,
                   SP_WORKLOG_KIND_COUNT);
  g_assert_cmpint (sp_worklog_field_get_kind (SP_WORKLOG_FIELD_SUMMARY), ==, SP_WORKLOG_KIND_NOTE);

  workspace_close (&ws);
}

/* Parsing */

static void
parse_ok (SpWorklogField  field,
          const char     *currency_code,
          const char     *text,
          gint64          expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  gint64 value = -1;

  if (!sp_worklog_field_parse (field, text, sp_currency_lookup (currency_code), &value, &note,
                               &error))
    g_error ("“%s” refused: %s", text, error->message);
  g_assert_cmpint (value, ==, expected);
  g_assert_null (note);
}

/* The message names the field and quotes the text (or says @fragment). */
static void
parse_bad (SpWorklogField  field,
           const char     *currency_code,
           const char     *text,
           const char     *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *quoted = g_strdup_printf ("“%s”", text);
  gint64 value = 42;

  g_assert_false (sp_worklog_field_parse (field, text, sp_currency_lookup (currency_code), &value,
                                          NULL, &error));
  g_assert_error (error, SP_WORKLOG_ERROR, SP_WORKLOG_ERROR_INVALID);
  g_assert_cmpint (value, ==, 42);
  g_assert_true (g_str_has_prefix (error->message, sp_worklog_field_get_label (field)));
  if (g_utf8_validate (text, -1, NULL))
    g_assert_nonnull (strstr (error->message, quoted));
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s”: “%s” does not say “%s”", text, error->message, fragment);
}

static void
test_parse_counts (void)
{
  parse_ok (SP_WORKLOG_FIELD_PROSPECTS, "CNY", "12", 12);
  parse_ok (SP_WORKLOG_FIELD_PROSPECTS, "CNY", " 12 ", 12);
  parse_ok (SP_WORKLOG_FIELD_PROSPECTS, "CNY", "\t12\n", 12);
  parse_ok (SP_WORKLOG_FIELD_APPOINTMENTS, "CNY", "1,200", 1200);
  parse_ok (SP_WORKLOG_FIELD_APPOINTMENTS, "CNY", "1,234,567", 1234567);
  parse_ok (SP_WORKLOG_FIELD_ORDERS, "CNY", "", 0);
  parse_ok (SP_WORKLOG_FIELD_ORDERS, "CNY", "   ", 0);
  parse_ok (SP_WORKLOG_FIELD_ORDERS, "CNY", "0", 0);
  parse_ok (SP_WORKLOG_FIELD_ORDERS, "CNY", "-0", 0);
  parse_ok (SP_WORKLOG_FIELD_CLOSES, "CNY", "+7", 7);
  parse_ok (SP_WORKLOG_FIELD_CLOSES, "CNY", "12.0", 12);
  parse_ok (SP_WORKLOG_FIELD_CLOSES, "CNY", "007", 7);
  /* What a Chinese input method types in full-width mode. */
  parse_ok (SP_WORKLOG_FIELD_NEW_CUSTOMERS, "CNY", "１２", 12);
  parse_ok (SP_WORKLOG_FIELD_NEW_CUSTOMERS, "CNY", "　1，200　", 1200);
  parse_ok (SP_WORKLOG_FIELD_REPEAT_PURCHASES, "CNY", "1000000000", SP_WORKLOG_MAX_COUNT);
  parse_ok (SP_WORKLOG_FIELD_REPEAT_PURCHASES, "CNY", "1,000,000,000", SP_WORKLOG_MAX_COUNT);

  parse_bad (SP_WORKLOG_FIELD_PROSPECTS, "CNY", "-1", "negative");
  parse_bad (SP_WORKLOG_FIELD_PROSPECTS, "CNY", " -12 ", "negative");
  parse_bad (SP_WORKLOG_FIELD_PROSPECTS, "CNY", "1.5", "not a whole number");
  parse_bad (SP_WORKLOG_FIELD_PROSPECTS, "CNY", "0.01", "not a whole number");
  parse_bad (SP_WORKLOG_FIELD_PROSPECTS, "CNY", "abc", "not a number");
  parse_bad (SP_WORKLOG_FIELD_OBJECTIONS, "CNY", "12abc", "not a number");
  parse_bad (SP_WORKLOG_FIELD_OBJECTIONS, "CNY", "1 200", "not a number");
  parse_bad (SP_WORKLOG_FIELD_OBJECTIONS, "CNY", "1,2", "not a number");
  parse_bad (SP_WORKLOG_FIELD_OBJECTIONS, "CNY", "12,00", "not a number");
  parse_bad (SP_WORKLOG_FIELD_OBJECTIONS, "CNY", "1,,200", "not a number");
  parse_bad (SP_WORKLOG_FIELD_OBJECTIONS, "CNY", "1234,567", "not a number");
  parse_bad (SP_WORKLOG_FIELD_OBJECTIONS, "CNY", ",12", "not a number");
  parse_bad (SP_WORKLOG_FIELD_OBJECTIONS, "CNY", "-", "not a number");
  parse_bad (SP_WORKLOG_FIELD_OBJECTIONS, "CNY", ".", "not a number");
  parse_bad (SP_WORKLOG_FIELD_OBJECTIONS, "CNY", "1.2.3", "not a number");
  parse_bad (SP_WORKLOG_FIELD_OBJECTIONS, "CNY", "1e3", "not a number");
  parse_bad (SP_WORKLOG_FIELD_ORDERS, "CNY", "1000000001", "more than 1,000,000,000");
  parse_bad (SP_WORKLOG_FIELD_ORDERS, "CNY", "99999999999999999999999", "more than");
  parse_bad (SP_WORKLOG_FIELD_ORDERS, "CNY", "\xff\xfe", "not a number");
}

static void
test_parse_money (void)
{
  parse_ok (SP_WORKLOG_FIELD_REVENUE, "CNY", "1,234.56", 123456);
  parse_ok (SP_WORKLOG_FIELD_REVENUE, "CNY", "¥12", 1200);
  parse_ok (SP_WORKLOG_FIELD_REVENUE, "CNY", "5元", 500);
  parse_ok (SP_WORKLOG_FIELD_REVENUE, "CNY", "957.5775", 95758);
  parse_ok (SP_WORKLOG_FIELD_REVENUE, "CNY", "", 0);
  parse_ok (SP_WORKLOG_FIELD_COLLECTED, "CNY", " 0 ", 0);
  parse_ok (SP_WORKLOG_FIELD_COLLECTED, "CNY", "10,000,000,000", SP_WORKLOG_MAX_AMOUNT);
  parse_ok (SP_WORKLOG_FIELD_COLLECTED, "JPY", "1,234", 1234);

  parse_bad (SP_WORKLOG_FIELD_REVENUE, "CNY", "-3", "negative");
  parse_bad (SP_WORKLOG_FIELD_REVENUE, "CNY", "(5.00)", "negative");
  parse_bad (SP_WORKLOG_FIELD_REVENUE, "CNY", "abc", "not an amount");
  parse_bad (SP_WORKLOG_FIELD_REVENUE, "CNY", "$5", "in USD, not CNY");
  parse_bad (SP_WORKLOG_FIELD_COLLECTED, "CNY", "10,000,000,000.01",
             "more than ¥10,000,000,000.00");
  parse_bad (SP_WORKLOG_FIELD_COLLECTED, "CNY", "99999999999999999999", "too large");
}

static void
test_parse_notes (void)
{
  static const struct { const char *text, *stored; } good[] = {
    { "Visited Zhang", "Visited Zhang" },
    { "Visited Zhang  \n\t", "Visited Zhang" },
    { "拜访王总，签约两单。　", "拜访王总，签约两单。" },  /* U+3000 at the end */
    { "  indented\nsecond line  ", "  indented\nsecond line" },
    { "", "" },
    { " \n ", "" },
  };
  g_autoptr(GError) error = NULL;
  gint64 value = 42;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *note = NULL;

      g_assert_true (sp_worklog_field_parse (SP_WORKLOG_FIELD_SUMMARY, good[i].text,
                                             sp_currency_lookup ("CNY"), &value, &note, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (note, ==, good[i].stored);
      g_assert_cmpint (value, ==, 0);
    }

  g_assert_false (sp_worklog_field_parse (SP_WORKLOG_FIELD_PROBLEMS, "bad \xc3\x28 text",
                                          sp_currency_lookup ("CNY"), NULL, NULL, &error));
  g_assert_error (error, SP_WORKLOG_ERROR, SP_WORKLOG_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Problems encountered: the text is not valid UTF-8");
}

/* Saving */

typedef struct
{
  SpWorklogField  field;
  const char     *text;
} BadInput;

static void
test_set_field_refusals (void)
{
  static const BadInput bad[] = {
    { SP_WORKLOG_FIELD_PROSPECTS, "-1" },
    { SP_WORKLOG_FIELD_APPOINTMENTS, "1.5" },
    { SP_WORKLOG_FIELD_PRESENTATIONS, "abc" },
    { SP_WORKLOG_FIELD_ORDERS, "2000000000" },
    { SP_WORKLOG_FIELD_REVENUE, "-100" },
    { SP_WORKLOG_FIELD_REVENUE, "lots" },
    { SP_WORKLOG_FIELD_COLLECTED, "$20" },
    { SP_WORKLOG_FIELD_SUMMARY, "\xff" },
  };
  Workspace ws = { 0 };
  g_autofree char *before = NULL;

  workspace_open (&ws);
  add_reps (&ws);
  set_ok (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_PROSPECTS, "12");
  set_ok (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_REVENUE, "1,500.50");
  set_ok (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_SUMMARY, "Good day");
  before = content_hash (&ws);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      /* On an existing entry and on a day without one. */
      static const char * const days[] = { "2026-03-02", "2026-03-03" };

      for (guint d = 0; d < G_N_ELEMENTS (days); d++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *after = NULL;
          GDate date = day (days[d]);

          g_assert_false (sp_worklog_set_field (ws.store, 1, &date, bad[i].field, bad[i].text,
                                                &error));
          g_assert_error (error, SP_WORKLOG_ERROR, SP_WORKLOG_ERROR_INVALID);
          g_assert_true (g_str_has_prefix (error->message,
                                           sp_worklog_field_get_label (bad[i].field)));
          g_assert_false (sp_store_in_edit (ws.store));
          after = content_hash (&ws);
          g_assert_cmpstr (after, ==, before);
          g_assert_cmpstr (sp_store_get_undo_label (ws.store), ==, "Edit work log");
        }
    }

  g_assert_cmpint (get_value (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_PROSPECTS), ==, 12);
  g_assert_cmpint (get_value (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_REVENUE), ==, 150050);
  g_assert_false (entry_exists (&ws, 1, "2026-03-03"));

  /* The message a person reads. */
  {
    g_autoptr(GError) error = NULL;
    GDate date = day ("2026-03-02");

    sp_worklog_set_field (ws.store, 1, &date, SP_WORKLOG_FIELD_PROSPECTS, "-1", &error);
    g_assert_cmpstr (error->message, ==, "Prospecting: “-1” is negative; enter zero or more");
  }

  workspace_close (&ws);
}

static void
test_set_field_workspace_currency (void)
{
  Workspace ws = { 0 };
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(GError) error = NULL;

  workspace_open (&ws);
  add_reps (&ws);
  preferences = sp_preferences_new (ws.store);
  g_assert_true (sp_preferences_set_currency (preferences, "JPY", &error));
  g_assert_no_error (error);

  set_ok (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_REVENUE, "1,234");
  g_assert_cmpint (get_value (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_REVENUE), ==, 1234);
  set_ok (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_COLLECTED, "JP¥5,000");
  g_assert_cmpint (get_value (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_COLLECTED), ==, 5000);

  workspace_close (&ws);
}

static void
test_upsert (void)
{
  Workspace ws = { 0 };
  g_auto(SpWorklogEntry) entry = { 0 };
  g_auto(SpWorklogEntry) read = { 0 };
  g_autoptr(GError) error = NULL;
  GDate date = day ("2026-03-02");
  gboolean exists = FALSE;
  gint64 id;

  workspace_open (&ws);
  add_reps (&ws);

  g_assert_false (entry_exists (&ws, 1, "2026-03-02"));
  set_ok (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_PROSPECTS, "1,200");
  g_assert_cmpint (query_int (&ws, "SELECT count(*) FROM worklog_entry"), ==, 1);
  id = query_int (&ws, "SELECT id FROM worklog_entry");

  /* A second field, and a second value of the first, edit the same entry. */
  set_ok (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_SUMMARY, "Met three clients \n");
  set_ok (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_PROSPECTS, "15");
  set_ok (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_REVENUE, "¥2,000");
  g_assert_cmpint (query_int (&ws, "SELECT count(*) FROM worklog_entry"), ==, 1);
  g_assert_cmpint (query_int (&ws, "SELECT id FROM worklog_entry"), ==, id);

  g_assert_true (sp_worklog_get (ws.store, 1, &date, &read, &exists, &error));
  g_assert_no_error (error);
  g_assert_true (exists);
  g_assert_cmpint (read.rep_id, ==, 1);
  assert_day (&read.day, "2026-03-02");
  g_assert_cmpint (read.values[SP_WORKLOG_FIELD_PROSPECTS], ==, 15);
  g_assert_cmpint (read.values[SP_WORKLOG_FIELD_REVENUE], ==, 200000);
  g_assert_cmpint (read.values[SP_WORKLOG_FIELD_ORDERS], ==, 0);
  g_assert_cmpstr (sp_worklog_entry_get_note (&read, SP_WORKLOG_FIELD_SUMMARY), ==,
                   "Met three clients");
  g_assert_cmpstr (sp_worklog_entry_get_note (&read, SP_WORKLOG_FIELD_PROBLEMS), ==, "");

  /* Another rep the same day is another entry. */
  set_ok (&ws, 2, "2026-03-02", SP_WORKLOG_FIELD_PROSPECTS, "3");
  g_assert_cmpint (query_int (&ws, "SELECT count(*) FROM worklog_entry"), ==, 2);

  /* A whole entry replaces every field of the existing one. */
  sp_worklog_entry_init (&entry, 1, &date);
  entry.values[SP_WORKLOG_FIELD_APPOINTMENTS] = 4;
  entry.values[SP_WORKLOG_FIELD_COLLECTED] = 9900;
  sp_worklog_entry_set_note (&entry, SP_WORKLOG_FIELD_TOMORROW_PLAN, "Call Wang\t ");
  g_assert_true (sp_worklog_set_entry (ws.store, &entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (&ws, "SELECT count(*) FROM worklog_entry"), ==, 2);
  g_assert_cmpint (query_int (&ws, "SELECT id FROM worklog_entry WHERE rep_id = 1"), ==, id);
  g_assert_true (sp_worklog_get (ws.store, 1, &date, &read, &exists, &error));
  g_assert_cmpint (read.values[SP_WORKLOG_FIELD_PROSPECTS], ==, 0);
  g_assert_cmpint (read.values[SP_WORKLOG_FIELD_APPOINTMENTS], ==, 4);
  g_assert_cmpint (read.values[SP_WORKLOG_FIELD_REVENUE], ==, 0);
  g_assert_cmpint (read.values[SP_WORKLOG_FIELD_COLLECTED], ==, 9900);
  g_assert_cmpstr (sp_worklog_entry_get_note (&read, SP_WORKLOG_FIELD_SUMMARY), ==, "");
  g_assert_cmpstr (sp_worklog_entry_get_note (&read, SP_WORKLOG_FIELD_TOMORROW_PLAN), ==,
                   "Call Wang");

  /* A missing entry reads as zeros. */
  g_assert_true (sp_worklog_get (ws.store, 3, &date, &read, &exists, &error));
  g_assert_false (exists);
  g_assert_cmpint (read.rep_id, ==, 3);
  g_assert_cmpint (read.values[SP_WORKLOG_FIELD_APPOINTMENTS], ==, 0);
  g_assert_cmpstr (sp_worklog_entry_get_note (&read, SP_WORKLOG_FIELD_TOMORROW_PLAN), ==, "");

  workspace_close (&ws);
}

static void
undo_ok (Workspace *ws)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_store_undo (ws->store, &error));
  g_assert_no_error (error);
}

static void
redo_ok (Workspace *ws)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_store_redo (ws->store, &error));
  g_assert_no_error (error);
}

static void
test_undo (void)
{
  Workspace ws = { 0 };
  g_autofree char *empty = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  SpWorklogEntry batch[3];
  GDate date = day ("2026-03-02");

  workspace_open (&ws);
  add_reps (&ws);
  empty = content_hash (&ws);

  set_ok (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_PROSPECTS, "5");
  g_assert_cmpstr (sp_store_get_undo_label (ws.store), ==, "Edit work log");
  set_ok (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_PROSPECTS, "7");
  set_ok (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_SUMMARY, "Busy");
  /* The same value again records nothing. */
  before = content_hash (&ws);
  set_ok (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_SUMMARY, "Busy ");
  set_ok (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_PROSPECTS, " 7");
  after = content_hash (&ws);
  g_assert_cmpstr (after, ==, before);

  /* One step per field edit. */
  undo_ok (&ws);
  g_assert_cmpint (get_value (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_PROSPECTS), ==, 7);
  g_assert_cmpint (query_int (&ws, "SELECT count(*) FROM worklog_entry WHERE summary = ''"), ==, 1);
  undo_ok (&ws);
  g_assert_cmpint (get_value (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_PROSPECTS), ==, 5);
  /* Undoing the edit that created the entry removes it. */
  undo_ok (&ws);
  g_assert_false (entry_exists (&ws, 1, "2026-03-02"));
  g_clear_pointer (&after, g_free);
  after = content_hash (&ws);
  g_assert_cmpstr (after, ==, empty);
  g_assert_cmpstr (sp_store_get_undo_label (ws.store), ==, "Test");

  redo_ok (&ws);
  g_assert_cmpint (get_value (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_PROSPECTS), ==, 5);
  redo_ok (&ws);
  g_assert_cmpint (get_value (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_PROSPECTS), ==, 7);

  /* Several whole entries are one step too. */
  g_clear_pointer (&before, g_free);
  before = content_hash (&ws);
  for (guint i = 0; i < G_N_ELEMENTS (batch); i++)
    {
      GDate d = date;

      g_date_add_days (&d, i);
      sp_worklog_entry_init (&batch[i], 1 + i, &d);
      batch[i].values[SP_WORKLOG_FIELD_ORDERS] = 10 + i;
    }
  g_assert_true (sp_worklog_set_entries (ws.store, batch, G_N_ELEMENTS (batch), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (&ws, "SELECT count(*) FROM worklog_entry"), ==, 3);
  g_assert_cmpint (get_value (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_PROSPECTS), ==, 0);
  g_assert_cmpint (get_value (&ws, 3, "2026-03-04", SP_WORKLOG_FIELD_ORDERS), ==, 12);
  undo_ok (&ws);
  g_clear_pointer (&after, g_free);
  after = content_hash (&ws);
  g_assert_cmpstr (after, ==, before);

  /* Delete, and undo the delete. */
  g_assert_true (sp_worklog_delete (ws.store, 1, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sp_store_get_undo_label (ws.store), ==, "Delete work log entry");
  g_assert_false (entry_exists (&ws, 1, "2026-03-02"));
  /* Deleting nothing records nothing. */
  g_assert_true (sp_worklog_delete (ws.store, 1, &date, &error));
  undo_ok (&ws);
  g_assert_cmpint (get_value (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_PROSPECTS), ==, 7);
  g_clear_pointer (&after, g_free);
  after = content_hash (&ws);
  g_assert_cmpstr (after, ==, before);

  workspace_close (&ws);
}

static void
assert_refused (Workspace      *ws,
                gint64          rep_id,
                const char     *iso,
                int             code,
                const char     *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = content_hash (ws);
  g_autofree char *after = NULL;
  GDate date = day (iso);

  g_assert_false (sp_worklog_set_field (ws->store, rep_id, &date, SP_WORKLOG_FIELD_ORDERS, "1",
                                        &error));
  g_assert_error (error, SP_WORKLOG_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  after = content_hash (ws);
  g_assert_cmpstr (after, ==, before);
}

static void
test_day_range (void)
{
  Workspace ws = { 0 };
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *last_iso = NULL;
  g_autofree char *after_iso = NULL;
  g_autofree char *message = NULL;
  GDate first, last, expected, after;
  GDate plan_end = day ("2028-03-31");

  workspace_open (&ws);
  add_reps (&ws);

  /* No plan: 2000-01-01 to a year from today. */
  g_assert_true (sp_worklog_get_day_range (ws.store, &first, &last, &error));
  g_assert_no_error (error);
  assert_day (&first, "2000-01-01");
  g_date_clear (&expected, 1);
  g_date_set_dmy (&expected, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_add_years (&expected, 1);
  g_assert_cmpint (g_date_compare (&last, &expected), ==, 0);

  last_iso = sp_date_format_iso (&last);
  after = last;
  g_date_add_days (&after, 1);
  after_iso = sp_date_format_iso (&after);
  message = g_strdup_printf ("1999-12-31 is outside the workspace’s years: the work log takes "
                             "days from 2000-01-01 to %s", last_iso);
  assert_refused (&ws, 1, "1999-12-31", SP_WORKLOG_ERROR_OUT_OF_RANGE, message);
  assert_refused (&ws, 1, after_iso, SP_WORKLOG_ERROR_OUT_OF_RANGE, NULL);
  set_ok (&ws, 1, "2000-01-01", SP_WORKLOG_FIELD_ORDERS, "1");
  set_ok (&ws, 1, last_iso, SP_WORKLOG_FIELD_ORDERS, "1");

  /* Plans for fiscal years 2026 and 2027 starting in April: from 2021-04-01 (five years before
   * 2026-04-01) to a year after the later of 2028-03-31 and today. */
  preferences = sp_preferences_new (ws.store);
  g_assert_true (sp_preferences_set_fiscal_start_month (preferences, G_DATE_APRIL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_plan_add (ws.store, 2027, "", 100, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (sp_plan_add (ws.store, 2026, "", 100, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (sp_worklog_get_day_range (ws.store, &first, &last, &error));
  assert_day (&first, "2021-04-01");
  g_date_subtract_years (&expected, 1);   /* back to today */
  if (g_date_compare (&plan_end, &expected) > 0)
    expected = plan_end;
  g_date_add_years (&expected, 1);
  g_assert_cmpint (g_date_compare (&last, &expected), ==, 0);

  assert_refused (&ws, 1, "2021-03-31", SP_WORKLOG_ERROR_OUT_OF_RANGE, NULL);
  set_ok (&ws, 1, "2021-04-01", SP_WORKLOG_FIELD_ORDERS, "1");

  workspace_close (&ws);
}

static void
test_unknown_rep (void)
{
  Workspace ws = { 0 };
  g_auto(SpWorklogEntry) good = { 0 };
  g_auto(SpWorklogEntry) bad = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SpWorklogEntry batch[2];
  GDate date = day ("2026-03-02");

  workspace_open (&ws);
  add_reps (&ws);
  set_ok (&ws, 1, "2026-03-02", SP_WORKLOG_FIELD_ORDERS, "1");

  assert_refused (&ws, 99, "2026-03-02", SP_WORKLOG_ERROR_UNKNOWN_REP,
                  "There is no rep with id 99");
  assert_refused (&ws, 0, "2026-03-02", SP_WORKLOG_ERROR_UNKNOWN_REP, NULL);

  /* A batch with one bad entry writes none of them. */
  before = content_hash (&ws);
  sp_worklog_entry_init (&good, 2, &date);
  good.values[SP_WORKLOG_FIELD_ORDERS] = 3;
  sp_worklog_entry_init (&bad, 99, &date);
  batch[0] = good;
  batch[1] = bad;
  g_assert_false (sp_worklog_set_entries (ws.store, batch, 2, &error));
  g_assert_error (error, SP_WORKLOG_ERROR, SP_WORKLOG_ERROR_UNKNOWN_REP);
  g_clear_error (&error);

  /* … and so does one with a bad value or a bad day. */
  bad.rep_id = 3;
  bad.values[SP_WORKLOG_FIELD_CLOSES] = -2;
  batch[1] = bad;
  g_assert_false (sp_worklog_set_entries (ws.store, batch, 2, &error));
  g_assert_error (error, SP_WORKLOG_ERROR, SP_WORKLOG_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Closing: “-2” is negative; enter zero or more");
  g_clear_error (&error);

  bad.values[SP_WORKLOG_FIELD_CLOSES] = 0;
  bad.values[SP_WORKLOG_FIELD_REVENUE] = SP_WORKLOG_MAX_AMOUNT + 1;
  batch[1] = bad;
  g_assert_false (sp_worklog_set_entries (ws.store, batch, 2, &error));
  g_assert_error (error, SP_WORKLOG_ERROR, SP_WORKLOG_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Revenue: “¥10,000,000,000.01” is more than ¥10,000,000,000.00");
  g_clear_error (&error);

  bad.values[SP_WORKLOG_FIELD_REVENUE] = 0;
  bad.notes[SP_WORKLOG_FIELD_HELP_NEEDED - SP_WORKLOG_FIRST_NOTE] = (char *) "\xfe";
  batch[1] = bad;
  g_assert_false (sp_worklog_set_entries (ws.store, batch, 2, &error));
  g_assert_error (error, SP_WORKLOG_ERROR, SP_WORKLOG_ERROR_INVALID);
  g_clear_error (&error);
  bad.notes[SP_WORKLOG_FIELD_HELP_NEEDED - SP_WORKLOG_FIRST_NOTE] = NULL;

  g_date_set_dmy (&bad.day, 1, 1, 1990);
  batch[1] = bad;
  g_assert_false (sp_worklog_set_entries (ws.store, batch, 2, &error));
  g_assert_error (error, SP_WORKLOG_ERROR, SP_WORKLOG_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  after = content_hash (&ws);
  g_assert_cmpstr (after, ==, before);

  workspace_close (&ws);
}

static void
assert_previous_plan (Workspace  *ws,
                      gint64      rep_id,
                      const char *iso,
                      const char *plan,
                      const char *plan_iso)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GDate date = day (iso);
  GDate plan_day;

  g_assert_true (sp_worklog_previous_plan (ws->store, rep_id, &date, &text, &plan_day, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, plan);
  if (plan_iso != NULL)
    assert_day (&plan_day, plan_iso);
  else
    g_assert_false (g_date_valid (&plan_day));
}

static void
test_previous_plan (void)
{
  Workspace ws = { 0 };

  workspace_open (&ws);
  add_reps (&ws);
  /* Thursday, Friday; rep 2 works Saturday; rep 1 logs again the next Tuesday without a plan. */
  set_ok (&ws, 1, "2026-03-05", SP_WORKLOG_FIELD_TOMORROW_PLAN, "Visit Zhang");
  set_ok (&ws, 1, "2026-03-06", SP_WORKLOG_FIELD_TOMORROW_PLAN, "Call Wang on Monday");
  set_ok (&ws, 2, "2026-03-07", SP_WORKLOG_FIELD_TOMORROW_PLAN, "Someone else’s plan");
  set_ok (&ws, 1, "2026-03-10", SP_WORKLOG_FIELD_PROSPECTS, "3");

  /* Monday sees Friday's plan across the weekend. */
  assert_previous_plan (&ws, 1, "2026-03-09", "Call Wang on Monday", "2026-03-06");
  assert_previous_plan (&ws, 1, "2026-03-08", "Call Wang on Monday", "2026-03-06");
  assert_previous_plan (&ws, 1, "2026-03-06", "Visit Zhang", "2026-03-05");
  /* Tuesday's entry exists: Monday (none) is skipped, the plan is Friday's. */
  assert_previous_plan (&ws, 1, "2026-03-10", "Call Wang on Monday", "2026-03-06");
  /* The most recent earlier entry had no plan. */
  assert_previous_plan (&ws, 1, "2026-03-30", "", "2026-03-10");
  assert_previous_plan (&ws, 1, "2026-03-05", NULL, NULL);
  assert_previous_plan (&ws, 2, "2026-03-09", "Someone else’s plan", "2026-03-07");
  assert_previous_plan (&ws, 3, "2026-03-09", NULL, NULL);

  workspace_close (&ws);
}

static void
test_list_day (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  GDate date = day ("2026-03-05");
  SpWorklogDayRow *row;

  workspace_open (&ws);
  exec_sql (&ws,
            "INSERT INTO region (id, name) VALUES (1, 'North'), (2, 'South');"
            "INSERT INTO rep (id, name, region_id, hired_on, left_on) VALUES"
            " (1, 'Li Lei', 1, '2025-01-01', NULL),"
            " (2, 'Han Meimei', 1, NULL, '2026-03-01'),"     /* left, but logged that day */
            " (3, 'Wang Fang', 2, '2026-04-01', NULL),"      /* not hired yet */
            " (4, 'Zhao Qiang', 2, NULL, NULL),"
            " (5, 'Chen Jing', 2, NULL, '2026-03-05'),"      /* her last day */
            " (6, 'Sun Li', 1, NULL, '2026-02-01');"         /* gone */
            /* Zhao Qiang moved from North to South on 2026-03-01. */
            "INSERT INTO rep_region (rep_id, region_id, from_day) VALUES"
            " (4, 1, '2025-01-01'), (4, 2, '2026-03-01');");
  set_ok (&ws, 2, "2026-03-05", SP_WORKLOG_FIELD_ORDERS, "2");
  set_ok (&ws, 2, "2026-03-05", SP_WORKLOG_FIELD_SUMMARY, "Handover");
  set_ok (&ws, 4, "2026-03-06", SP_WORKLOG_FIELD_ORDERS, "9");

  rows = sp_worklog_list_day (ws.store, &date, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  row = &g_array_index (rows, SpWorklogDayRow, 0);
  g_assert_cmpstr (row->rep_name, ==, "Han Meimei");
  g_assert_cmpstr (row->region_name, ==, "North");
  g_assert_true (row->exists);
  g_assert_cmpint (row->entry.rep_id, ==, 2);
  g_assert_cmpint (row->entry.values[SP_WORKLOG_FIELD_ORDERS], ==, 2);
  g_assert_cmpstr (sp_worklog_entry_get_note (&row->entry, SP_WORKLOG_FIELD_SUMMARY), ==,
                   "Handover");
  row = &g_array_index (rows, SpWorklogDayRow, 1);
  g_assert_cmpstr (row->rep_name, ==, "Li Lei");
  g_assert_false (row->exists);
  g_assert_cmpint (row->entry.values[SP_WORKLOG_FIELD_ORDERS], ==, 0);
  g_assert_cmpstr (sp_worklog_entry_get_note (&row->entry, SP_WORKLOG_FIELD_SUMMARY), ==, "");
  assert_day (&row->entry.day, "2026-03-05");
  row = &g_array_index (rows, SpWorklogDayRow, 2);
  g_assert_cmpstr (row->rep_name, ==, "Chen Jing");
  g_assert_cmpint (row->region_id, ==, 2);
  row = &g_array_index (rows, SpWorklogDayRow, 3);
  g_assert_cmpstr (row->rep_name, ==, "Zhao Qiang");
  g_assert_cmpstr (row->region_name, ==, "South");
  g_assert_false (row->exists);
  g_clear_pointer (&rows, g_array_unref);

  /* By region, with Zhao Qiang in the region of the day. */
  rows = sp_worklog_list_day (ws.store, &date, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (g_array_index (rows, SpWorklogDayRow, 1).rep_name, ==, "Zhao Qiang");
  g_clear_pointer (&rows, g_array_unref);

  date = day ("2026-02-10");
  rows = sp_worklog_list_day (ws.store, &date, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (g_array_index (rows, SpWorklogDayRow, 0).rep_name, ==, "Han Meimei");
  g_assert_cmpstr (g_array_index (rows, SpWorklogDayRow, 1).rep_name, ==, "Li Lei");
  g_assert_cmpstr (g_array_index (rows, SpWorklogDayRow, 2).rep_name, ==, "Zhao Qiang");
  g_assert_cmpstr (g_array_index (rows, SpWorklogDayRow, 2).region_name, ==, "North");

  workspace_close (&ws);
}

/* Summaries */

static void
add_entry (Workspace  *ws,
           gint64      rep_id,
           const char *iso,
           gint64      prospects,
           gint64      closes,
           gint64      orders,
           gint64      revenue,
           gint64      new_customers,
           gint64      repeat_purchases,
           gint64      collected)
{
  g_auto(SpWorklogEntry) entry = { 0 };
  g_autoptr(GError) error = NULL;
  GDate date = day (iso);

  sp_worklog_entry_init (&entry, rep_id, &date);
  entry.values[SP_WORKLOG_FIELD_PROSPECTS] = prospects;
  entry.values[SP_WORKLOG_FIELD_APPOINTMENTS] = prospects / 2;
  entry.values[SP_WORKLOG_FIELD_CLOSES] = closes;
  entry.values[SP_WORKLOG_FIELD_ORDERS] = orders;
  entry.values[SP_WORKLOG_FIELD_REVENUE] = revenue;
  entry.values[SP_WORKLOG_FIELD_NEW_CUSTOMERS] = new_customers;
  entry.values[SP_WORKLOG_FIELD_REPEAT_PURCHASES] = repeat_purchases;
  entry.values[SP_WORKLOG_FIELD_COLLECTED] = collected;
  g_assert_true (sp_worklog_set_entry (ws->store, &entry, &error));
  g_assert_no_error (error);
}

static void
assert_period (const SpWorklogSummary *s,
               const char             *first,
               const char             *last,
               gint64                  prospects,
               gint64                  orders,
               gint64                  revenue,
               guint                   entries,
               guint                   logged_days)
{
  assert_day (&s->first, first);
  assert_day (&s->last, last);
  g_assert_cmpint (s->totals[SP_WORKLOG_FIELD_PROSPECTS], ==, prospects);
  g_assert_cmpint (s->totals[SP_WORKLOG_FIELD_APPOINTMENTS], <=, prospects);
  g_assert_cmpint (s->totals[SP_WORKLOG_FIELD_ORDERS], ==, orders);
  g_assert_cmpint (s->totals[SP_WORKLOG_FIELD_REVENUE], ==, revenue);
  g_assert_cmpuint (s->entries, ==, entries);
  g_assert_cmpuint (s->logged_days, ==, logged_days);
}

static GArray *
periods_ok (Workspace       *ws,
            gint64           rep_id,
            gint64           region_id,
            SpWorklogPeriod  period,
            const char      *from,
            const char      *to)
{
  g_autoptr(GError) error = NULL;
  GDate a = day (from), b = day (to);
  GArray *periods = sp_worklog_summarize_periods (ws->store, rep_id, region_id, period, &a, &b,
                                                  &error);

  g_assert_no_error (error);
  g_assert_nonnull (periods);
  return periods;
}

#define PERIOD(array, i) (&g_array_index ((array), SpWorklogSummary, (i)))

static void
add_summary_data (Workspace *ws)
{
  add_reps (ws);
  /* rep, day, prospects, closes, orders, revenue, new, repeat, collected */
  add_entry (ws, 2, "2026-02-28", 100, 0, 0, 0, 0, 0, 0);          /* Saturday */
  add_entry (ws, 1, "2026-03-07", 10, 1, 1, 100000, 1, 0, 5000);   /* Saturday */
  add_entry (ws, 1, "2026-03-08", 20, 2, 2, 200000, 0, 1, 0);      /* Sunday */
  add_entry (ws, 2, "2026-03-08", 5, 1, 1, 50000, 1, 0, 700);      /* Sunday */
  add_entry (ws, 1, "2026-03-31", 3, 0, 0, 0, 0, 0, 0);            /* Tuesday */
  add_entry (ws, 1, "2026-04-01", 4, 0, 0, 0, 0, 0, 0);            /* Wednesday */
}

static void
test_summarize (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  SpWorklogSummary s;
  GDate from = day ("2026-03-01"), to = day ("2026-03-31");

  workspace_open (&ws);
  add_summary_data (&ws);

  g_assert_true (sp_worklog_summarize (ws.store, 0, 0, &from, &to, &s, &error));
  g_assert_no_error (error);
  assert_period (&s, "2026-03-01", "2026-03-31", 38, 4, 350000, 4, 3);
  g_assert_cmpint (s.totals[SP_WORKLOG_FIELD_APPOINTMENTS], ==, 5 + 10 + 2 + 1);
  g_assert_cmpint (s.totals[SP_WORKLOG_FIELD_CLOSES], ==, 4);
  g_assert_cmpint (s.totals[SP_WORKLOG_FIELD_NEW_CUSTOMERS], ==, 2);
  g_assert_cmpint (s.totals[SP_WORKLOG_FIELD_REPEAT_PURCHASES], ==, 1);
  g_assert_cmpint (s.totals[SP_WORKLOG_FIELD_COLLECTED], ==, 5700);

  g_assert_true (sp_worklog_summarize (ws.store, 1, 0, &from, &to, &s, &error));
  assert_period (&s, "2026-03-01", "2026-03-31", 33, 3, 300000, 3, 3);
  /* Region South is rep 2. */
  g_assert_true (sp_worklog_summarize (ws.store, 0, 2, &from, &to, &s, &error));
  assert_period (&s, "2026-03-01", "2026-03-31", 5, 1, 50000, 1, 1);
  /* Rep 1 is not in South. */
  g_assert_true (sp_worklog_summarize (ws.store, 1, 2, &from, &to, &s, &error));
  assert_period (&s, "2026-03-01", "2026-03-31", 0, 0, 0, 0, 0);
  /* One day, bounds included. */
  from = to = day ("2026-03-08");
  g_assert_true (sp_worklog_summarize (ws.store, 0, 0, &from, &to, &s, &error));
  assert_period (&s, "2026-03-08", "2026-03-08", 25, 3, 250000, 2, 1);

  workspace_close (&ws);
}

static void
test_summarize_weeks (void)
{
  Workspace ws = { 0 };
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weeks = NULL;

  workspace_open (&ws);
  add_summary_data (&ws);

  /* Weeks from Monday: Saturday 7 and Sunday 8 March share a week. */
  weeks = periods_ok (&ws, 0, 0, SP_WORKLOG_PERIOD_WEEK, "2026-03-03", "2026-03-10");
  g_assert_cmpuint (weeks->len, ==, 2);
  assert_period (PERIOD (weeks, 0), "2026-03-02", "2026-03-08", 35, 4, 350000, 3, 2);
  assert_period (PERIOD (weeks, 1), "2026-03-09", "2026-03-15", 0, 0, 0, 0, 0);
  g_clear_pointer (&weeks, g_array_unref);

  /* Weeks from Sunday: they do not. */
  preferences = sp_preferences_new (ws.store);
  g_assert_true (sp_preferences_set_week_start (preferences, G_DATE_SUNDAY, &error));
  g_assert_no_error (error);

  weeks = periods_ok (&ws, 0, 0, SP_WORKLOG_PERIOD_WEEK, "2026-03-03", "2026-04-01");
  g_assert_cmpuint (weeks->len, ==, 5);
  /* The first week is whole: it starts on Sunday 1 March, before the range. */
  assert_period (PERIOD (weeks, 0), "2026-03-01", "2026-03-07", 10, 1, 100000, 1, 1);
  assert_period (PERIOD (weeks, 1), "2026-03-08", "2026-03-14", 25, 3, 250000, 2, 1);
  assert_period (PERIOD (weeks, 2), "2026-03-15", "2026-03-21", 0, 0, 0, 0, 0);
  assert_period (PERIOD (weeks, 3), "2026-03-22", "2026-03-28", 0, 0, 0, 0, 0);
  /* The last straddles March and April. */
  assert_period (PERIOD (weeks, 4), "2026-03-29", "2026-04-04", 7, 0, 0, 2, 2);
  g_clear_pointer (&weeks, g_array_unref);

  /* The week before: Saturday 28 February is in the week of 22 February. */
  weeks = periods_ok (&ws, 2, 0, SP_WORKLOG_PERIOD_WEEK, "2026-02-28", "2026-03-01");
  g_assert_cmpuint (weeks->len, ==, 2);
  assert_period (PERIOD (weeks, 0), "2026-02-22", "2026-02-28", 100, 0, 0, 1, 1);
  assert_period (PERIOD (weeks, 1), "2026-03-01", "2026-03-07", 0, 0, 0, 0, 0);
  g_clear_pointer (&weeks, g_array_unref);

  /* Per rep. */
  weeks = periods_ok (&ws, 1, 0, SP_WORKLOG_PERIOD_WEEK, "2026-03-08", "2026-03-08");
  g_assert_cmpuint (weeks->len, ==, 1);
  assert_period (PERIOD (weeks, 0), "2026-03-08", "2026-03-14", 20, 2, 200000, 1, 1);
  g_clear_pointer (&weeks, g_array_unref);

  /* Days. */
  weeks = periods_ok (&ws, 0, 0, SP_WORKLOG_PERIOD_DAY, "2026-03-07", "2026-03-09");
  g_assert_cmpuint (weeks->len, ==, 3);
  assert_period (PERIOD (weeks, 0), "2026-03-07", "2026-03-07", 10, 1, 100000, 1, 1);
  assert_period (PERIOD (weeks, 1), "2026-03-08", "2026-03-08", 25, 3, 250000, 2, 1);
  assert_period (PERIOD (weeks, 2), "2026-03-09", "2026-03-09", 0, 0, 0, 0, 0);

  workspace_close (&ws);
}

static void
test_summarize_months (void)
{
  Workspace ws = { 0 };
  g_autoptr(GArray) months = NULL;

  workspace_open (&ws);
  add_summary_data (&ws);

  months = periods_ok (&ws, 0, 0, SP_WORKLOG_PERIOD_MONTH, "2026-02-15", "2026-04-01");
  g_assert_cmpuint (months->len, ==, 3);
  assert_period (PERIOD (months, 0), "2026-02-01", "2026-02-28", 100, 0, 0, 1, 1);
  /* 31 March and 1 April fall on both sides of the month boundary. */
  assert_period (PERIOD (months, 1), "2026-03-01", "2026-03-31", 38, 4, 350000, 4, 3);
  assert_period (PERIOD (months, 2), "2026-04-01", "2026-04-30", 4, 0, 0, 1, 1);
  g_clear_pointer (&months, g_array_unref);

  months = periods_ok (&ws, 1, 0, SP_WORKLOG_PERIOD_MONTH, "2026-03-31", "2026-04-01");
  g_assert_cmpuint (months->len, ==, 2);
  assert_period (PERIOD (months, 0), "2026-03-01", "2026-03-31", 33, 3, 300000, 3, 3);
  assert_period (PERIOD (months, 1), "2026-04-01", "2026-04-30", 4, 0, 0, 1, 1);
  g_clear_pointer (&months, g_array_unref);

  /* A leap February, and December into January. */
  months = periods_ok (&ws, 2, 1, SP_WORKLOG_PERIOD_MONTH, "2023-12-31", "2024-02-01");
  g_assert_cmpuint (months->len, ==, 3);
  assert_period (PERIOD (months, 0), "2023-12-01", "2023-12-31", 0, 0, 0, 0, 0);
  assert_period (PERIOD (months, 2), "2024-02-01", "2024-02-29", 0, 0, 0, 0, 0);

  workspace_close (&ws);
}

/* Key figures */

static void
assert_previous_period (const char *from,
                        const char *to,
                        const char *prev_from,
                        const char *prev_to)
{
  GDate a = day (from), b = day (to), c, d;

  g_date_clear (&c, 1);
  g_date_clear (&d, 1);
  sp_worklog_previous_period (&a, &b, &c, &d);
  assert_day (&c, prev_from);
  assert_day (&d, prev_to);
}

static void
test_previous_period (void)
{
  /* Whole months: the same number of months before. */
  assert_previous_period ("2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28");
  assert_previous_period ("2024-03-01", "2024-03-31", "2024-02-01", "2024-02-29");
  assert_previous_period ("2026-01-01", "2026-03-31", "2025-10-01", "2025-12-31");
  assert_previous_period ("2026-01-01", "2026-12-31", "2025-01-01", "2025-12-31");
  assert_previous_period ("2026-02-01", "2026-02-28", "2026-01-01", "2026-01-31");
  /* Anything else: the same number of days. */
  assert_previous_period ("2026-03-02", "2026-03-08", "2026-02-23", "2026-03-01");
  assert_previous_period ("2026-03-31", "2026-03-31", "2026-03-30", "2026-03-30");
  assert_previous_period ("2026-03-02", "2026-03-11", "2026-02-20", "2026-03-01");
  assert_previous_period ("2026-03-15", "2026-04-14", "2026-02-12", "2026-03-14");
  assert_previous_period ("2026-03-01", "2026-03-30", "2026-01-30", "2026-02-28");
}

static void
assert_figures (const SpWorklogKeyFigures *k,
                const char                *first,
                const char                *last,
                gint64                     new_customers,
                gint64                     closes,
                gint64                     prospects,
                gint64                     orders,
                gint64                     repeat_purchases)
{
  assert_day (&k->first, first);
  assert_day (&k->last, last);
  g_assert_cmpint (k->new_customers, ==, new_customers);
  g_assert_cmpint (k->conversion.num, ==, closes);
  g_assert_cmpint (k->conversion.den, ==, prospects);
  g_assert_cmpint (k->orders, ==, orders);
  g_assert_cmpint (k->repeat_purchases, ==, repeat_purchases);
}

static void
test_key_figures (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  SpWorklogKeyFigures now, before;
  GDate from = day ("2026-03-01"), to = day ("2026-03-31");

  workspace_open (&ws);
  add_reps (&ws);
  /* rep, day, prospects, closes, orders, revenue, new, repeat, collected */
  add_entry (&ws, 1, "2026-01-31", 1000, 9, 9, 0, 9, 9, 0);   /* before both periods */
  add_entry (&ws, 1, "2026-02-10", 40, 4, 4, 0, 2, 1, 0);
  add_entry (&ws, 1, "2026-03-01", 50, 5, 6, 0, 3, 2, 0);
  add_entry (&ws, 2, "2026-03-03", 30, 0, 0, 0, 1, 0, 0);
  add_entry (&ws, 3, "2026-03-31", 0, 0, 0, 0, 0, 0, 0);
  add_entry (&ws, 3, "2026-04-01", 70, 7, 7, 0, 7, 7, 0);    /* after */

  /* Team: March against February. */
  g_assert_true (sp_worklog_key_figures (ws.store, 0, 0, &from, &to, &now, &before, &error));
  g_assert_no_error (error);
  assert_figures (&now, "2026-03-01", "2026-03-31", 4, 5, 80, 6, 2);
  assert_figures (&before, "2026-02-01", "2026-02-28", 2, 4, 40, 4, 1);

  /* Rep 2 had nothing in February: no conversion rate (den 0). */
  g_assert_true (sp_worklog_key_figures (ws.store, 2, 0, &from, &to, &now, &before, &error));
  assert_figures (&now, "2026-03-01", "2026-03-31", 1, 0, 30, 0, 0);
  assert_figures (&before, "2026-02-01", "2026-02-28", 0, 0, 0, 0, 0);

  /* Region North is reps 1 and 3. */
  g_assert_true (sp_worklog_key_figures (ws.store, 0, 1, &from, &to, &now, &before, &error));
  assert_figures (&now, "2026-03-01", "2026-03-31", 3, 5, 50, 6, 2);
  assert_figures (&before, "2026-02-01", "2026-02-28", 2, 4, 40, 4, 1);

  /* Ten days against the ten before: 20 February to 1 March. */
  from = day ("2026-03-02");
  to = day ("2026-03-11");
  g_assert_true (sp_worklog_key_figures (ws.store, 0, 0, &from, &to, &now, &before, &error));
  assert_figures (&now, "2026-03-02", "2026-03-11", 1, 0, 30, 0, 0);
  assert_figures (&before, "2026-02-20", "2026-03-01", 3, 5, 50, 6, 2);

  /* The previous period is optional. */
  g_assert_true (sp_worklog_key_figures (ws.store, 0, 0, &from, &to, &now, NULL, &error));
  assert_figures (&now, "2026-03-02", "2026-03-11", 1, 0, 30, 0, 0);

  workspace_close (&ws);
}

/* Required rates */

static void
test_below_pure (void)
{
  SpWorklogSummary s = { 0 };
  gint64 required[SP_WORKLOAD_N_STAGES] = { 3, 2, 1, 1, 0 };
  guint closes;

  s.totals[SP_WORKLOAD_PROSPECTS] = 12;     /* 12 / 4 = 3: exactly on the rate */
  s.totals[SP_WORKLOAD_APPOINTMENTS] = 7;   /* 7 / 4 < 2 */
  s.totals[SP_WORKLOAD_PRESENTATIONS] = 5;
  s.totals[SP_WORKLOAD_OBJECTIONS] = 4;     /* exactly */
  s.totals[SP_WORKLOAD_CLOSES] = 0;         /* nothing required */
  g_assert_cmphex (sp_worklog_activities_below (&s, 4, required), ==,
                   SP_WORKLOG_STAGE_BIT (SP_WORKLOAD_APPOINTMENTS));

  s.totals[SP_WORKLOAD_PROSPECTS] = 11;
  s.totals[SP_WORKLOAD_APPOINTMENTS] = 8;
  g_assert_cmphex (sp_worklog_activities_below (&s, 4, required), ==,
                   SP_WORKLOG_STAGE_BIT (SP_WORKLOAD_PROSPECTS));

  /* One more working day raises every bar. */
  g_assert_cmphex (sp_worklog_activities_below (&s, 5, required), ==,
                   SP_WORKLOG_STAGE_BIT (SP_WORKLOAD_PROSPECTS)
                   | SP_WORKLOG_STAGE_BIT (SP_WORKLOAD_APPOINTMENTS)
                   | SP_WORKLOG_STAGE_BIT (SP_WORKLOAD_OBJECTIONS));

  /* No working days: no daily average to compare. */
  g_assert_cmphex (sp_worklog_activities_below (&s, 0, required), ==, 0);

  /* No overflow: G_MAXINT64 a day over two days is more than any total. */
  required[SP_WORKLOAD_CLOSES] = G_MAXINT64;
  s.totals[SP_WORKLOAD_CLOSES] = G_MAXINT64;
  closes = SP_WORKLOG_STAGE_BIT (SP_WORKLOAD_CLOSES);
  g_assert_cmphex (sp_worklog_activities_below (&s, 1, required) & closes, ==, 0);
  g_assert_cmphex (sp_worklog_activities_below (&s, 2, required) & closes, ==, closes);
}

static void
add_activity (Workspace  *ws,
              gint64      rep_id,
              const char *iso,
              gint64      p,
              gint64      a,
              gint64      s,
              gint64      o,
              gint64      c)
{
  g_auto(SpWorklogEntry) entry = { 0 };
  g_autoptr(GError) error = NULL;
  GDate date = day (iso);

  sp_worklog_entry_init (&entry, rep_id, &date);
  entry.values[SP_WORKLOG_FIELD_PROSPECTS] = p;
  entry.values[SP_WORKLOG_FIELD_APPOINTMENTS] = a;
  entry.values[SP_WORKLOG_FIELD_PRESENTATIONS] = s;
  entry.values[SP_WORKLOG_FIELD_OBJECTIONS] = o;
  entry.values[SP_WORKLOG_FIELD_CLOSES] = c;
  g_assert_true (sp_worklog_set_entry (ws->store, &entry, &error));
  g_assert_no_error (error);
}

static void
test_below_required (void)
{
  Workspace ws = { 0 };
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 required[SP_WORKLOAD_N_STAGES] = { 3, 2, 1, 1, 1 };
  GDate from = day ("2026-03-02"), to = day ("2026-03-08");   /* Monday to Sunday */
  GDate holiday = day ("2026-03-04");
  SpWorklogSummary actual;
  guint below = 0;

  workspace_open (&ws);
  add_reps (&ws);
  /* Week totals: 12 prospects, 7 appointments, 4 presentations, 3 objections, 1 close; the
   * Saturday counts too, though it is not a working day. */
  add_activity (&ws, 1, "2026-03-02", 4, 2, 1, 1, 0);
  add_activity (&ws, 1, "2026-03-03", 4, 2, 1, 1, 0);
  add_activity (&ws, 1, "2026-03-05", 2, 2, 1, 0, 1);
  add_activity (&ws, 1, "2026-03-07", 2, 1, 1, 1, 0);
  add_activity (&ws, 1, "2026-03-09", 99, 99, 99, 99, 99);   /* the next week */
  add_activity (&ws, 2, "2026-03-03", 50, 50, 50, 50, 50);   /* another rep */

  /* Five working days: 12 < 15, 7 < 10, 4 < 5, 3 < 5, 1 < 5. */
  g_assert_true (sp_worklog_below_required (ws.store, 1, &from, &to, required, &below, &actual,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmphex (below, ==, 0x1f);
  g_assert_cmpint (actual.totals[SP_WORKLOAD_PROSPECTS], ==, 12);
  g_assert_cmpuint (actual.entries, ==, 4);

  /* A holiday on Wednesday leaves four: 12 = 3 × 4 and 4 = 1 × 4 are on the rate. */
  preferences = sp_preferences_new (ws.store);
  g_assert_true (sp_preferences_add_holiday (preferences, &holiday, "Test", &error));
  g_assert_no_error (error);
  g_assert_true (sp_worklog_below_required (ws.store, 1, &from, &to, required, &below, NULL,
                                            &error));
  g_assert_cmphex (below, ==, SP_WORKLOG_STAGE_BIT (SP_WORKLOAD_APPOINTMENTS)
                              | SP_WORKLOG_STAGE_BIT (SP_WORKLOAD_OBJECTIONS)
                              | SP_WORKLOG_STAGE_BIT (SP_WORKLOAD_CLOSES));

  /* One more appointment reaches 8 = 2 × 4. */
  set_ok (&ws, 1, "2026-03-07", SP_WORKLOG_FIELD_APPOINTMENTS, "2");
  g_assert_true (sp_worklog_below_required (ws.store, 1, &from, &to, required, &below, NULL,
                                            &error));
  g_assert_cmphex (below, ==, SP_WORKLOG_STAGE_BIT (SP_WORKLOAD_OBJECTIONS)
                              | SP_WORKLOG_STAGE_BIT (SP_WORKLOAD_CLOSES));

  /* A weekend alone has no working days: nothing is below. */
  from = day ("2026-03-07");
  g_assert_true (sp_worklog_below_required (ws.store, 1, &from, &to, required, &below, NULL,
                                            &error));
  g_assert_cmphex (below, ==, 0);

  workspace_close (&ws);
}

/* Durability */

#define DURABILITY_MAX_EDITS (SP_WORKLOG_N_FIELDS * 300)

/* What edit @i of round @round types, and what the entry then holds. Each edit of a round
 * writes its own cell (day i / N_FIELDS, field i % N_FIELDS), so that every acknowledged value
 * must still be there, untouched by later edits. */
static void
durability_edit (guint            round,
                 guint            i,
                 GDate           *date,
                 SpWorklogField  *field,
                 char           **text,
                 char           **stored)
{
  guint value = round * 10000 + i;

  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, G_DATE_JANUARY, 2025);
  g_date_add_days (date, i / SP_WORKLOG_N_FIELDS);
  *field = (SpWorklogField) (i % SP_WORKLOG_N_FIELDS);

  switch (sp_worklog_field_get_kind (*field))
    {
    case SP_WORKLOG_KIND_COUNT:
      *text = g_strdup_printf ("%u", value);
      *stored = g_strdup (*text);
      break;
    case SP_WORKLOG_KIND_MONEY:
      *text = g_strdup_printf ("%u.%02u", value, i % 100);
      *stored = g_strdup_printf ("%u", value * 100 + i % 100);
      break;
    case SP_WORKLOG_KIND_NOTE:
      *text = g_strdup_printf ("第%u轮 edit %u  ", round, i);
      *stored = g_strdup_printf ("第%u轮 edit %u", round, i);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
write_all (int         fd,
           const char *line)
{
  gsize len = strlen (line);

  while (len > 0)
    {
      gssize n = write (fd, line, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (3);
      line += n;
      len -= n;
    }
}

/* The child: edits as fast as it can and acknowledges each edit once it has returned. */
G_GNUC_NORETURN static void
durability_child (const char *path,
                  guint       round,
                  int         fd)
{
  g_autoptr(GError) error = NULL;
  SpStore *store = sp_store_open (path, &error);

  if (store == NULL)
    {
      g_autofree char *line = g_strdup_printf ("error %s\n", error->message);

      write_all (fd, line);
      _exit (2);
    }

  for (guint i = 0; i < DURABILITY_MAX_EDITS; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *stored = NULL;
      g_autofree char *iso = NULL;
      g_autofree char *line = NULL;
      SpWorklogField field;
      GDate date;

      durability_edit (round, i, &date, &field, &text, &stored);
      if (!sp_worklog_set_field (store, 1, &date, field, text, &error))
        {
          line = g_strdup_printf ("error %s\n", error->message);
          write_all (fd, line);
          _exit (2);
        }

      /* The acknowledgement: rep, day, field and the value now saved. */
      iso = sp_date_format_iso (&date);
      line = g_strdup_printf ("1 %s %s %s\n", iso, sp_worklog_field_get_key (field), stored);
      write_all (fd, line);
    }

  _exit (0);
}

/* Reads what the child wrote until @deadline (monotonic µs, or -1 for end of file). */
static gboolean
read_acks (int      fd,
           GString *acks,
           gint64   deadline)
{
  for (;;)
    {
      struct pollfd pfd = { .fd = fd, .events = POLLIN };
      int timeout = -1;
      char buffer[4096];
      gssize n;

      if (deadline >= 0)
        {
          gint64 left = deadline - g_get_monotonic_time ();

          if (left <= 0)
            return TRUE;
          timeout = (int) ((left + 999) / 1000);
        }

      if (poll (&pfd, 1, timeout) < 0)
        {
          g_assert_cmpint (errno, ==, EINTR);
          continue;
        }
      if (pfd.revents == 0)
        continue;

      n = read (fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >=, 0);
      if (n == 0)
        return FALSE;  /* the child is gone */
      g_string_append_len (acks, buffer, n);
    }
}

static guint
check_acks (const char *path,
            const char *acks)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  g_auto(GStrv) lines = g_strsplit (acks, "\n", -1);
  guint checked = 0;

  g_assert_no_error (error);
  g_assert_true (sp_store_check (store, &error));
  g_assert_no_error (error);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_auto(SpWorklogEntry) entry = { 0 };
      g_autofree char *found = NULL;
      SpWorklogField field;
      gboolean exists = FALSE;
      GDate date;

      if (*lines[i] == '\0')
        continue;  /* after the last newline: a line is written whole or not at all */
      if (g_str_has_prefix (lines[i], "error "))
        g_error ("the child failed: %s", lines[i] + 6);

      parts = g_strsplit (lines[i], " ", 4);
      g_assert_cmpuint (g_strv_length (parts), ==, 4);
      g_assert_cmpstr (parts[0], ==, "1");
      g_assert_true (sp_date_parse_iso (parts[1], &date));
      g_assert_true (sp_worklog_field_from_key (parts[2], &field));

      g_assert_true (sp_worklog_get (store, 1, &date, &entry, &exists, &error));
      g_assert_no_error (error);
      if (!exists)
        g_error ("acknowledged edit lost: %s (no entry)", lines[i]);

      if (field >= SP_WORKLOG_FIRST_NOTE)
        found = g_strdup (sp_worklog_entry_get_note (&entry, field));
      else
        found = g_strdup_printf ("%" G_GINT64_FORMAT, entry.values[field]);
      if (g_strcmp0 (found, parts[3]) != 0)
        g_error ("acknowledged edit lost: %s (found “%s”)", lines[i], found);
      checked++;
    }

  return checked;
}

static void
test_durability (void)
{
  Workspace ws = { 0 };
  guint rounds = g_test_thorough () ? 60 : 20;
  guint total = 0;

  workspace_open (&ws);
  add_reps (&ws);
  g_clear_object (&ws.store);

  for (guint round = 1; round <= rounds; round++)
    {
      g_autoptr(GString) acks = g_string_new (NULL);
      int fds[2];
      pid_t pid;
      int status = 0;
      gint64 deadline;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          durability_child (ws.path, round, fds[1]);
        }
      close (fds[1]);

      /* A random moment: sometimes before the child has opened the file, mostly mid-edit. */
      deadline = g_get_monotonic_time () + g_test_rand_int_range (0, 400000);
      read_acks (fds[0], acks, deadline);
      kill (pid, SIGKILL);
      read_acks (fds[0], acks, -1);
      close (fds[0]);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true ((WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
                     || (WIFEXITED (status) && WEXITSTATUS (status) == 0));

      total += check_acks (ws.path, acks->str);
    }

  g_test_message ("%u acknowledged edits checked over %u kills", total, rounds);
  g_assert_cmpuint (total, >, 0);

  workspace_close (&ws);
}

/* sp_worklog_summarize_reps() equals sp_worklog_summarize() rep by rep (and region by region
 * for a rep who moved), in one query. */
static void
assert_rep_summary (Workspace                 *ws,
                    const SpWorklogRepSummary *rep,
                    gint64                     region_id,
                    const GDate               *from,
                    const GDate               *to)
{
  g_autoptr(GError) error = NULL;
  SpWorklogSummary one;

  g_assert_true (sp_worklog_summarize (ws->store, rep->rep_id, region_id, from, to, &one,
                                       &error));
  g_assert_no_error (error);
  g_assert_true (g_date_compare (&rep->summary.first, &one.first) == 0);
  g_assert_true (g_date_compare (&rep->summary.last, &one.last) == 0);
  g_assert_cmpmem (rep->summary.totals, sizeof rep->summary.totals, one.totals,
                   sizeof one.totals);
  g_assert_cmpuint (rep->summary.entries, ==, one.entries);
  g_assert_cmpuint (rep->summary.logged_days, ==, one.logged_days);
}

static void
test_summarize_reps (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) reps = NULL;
  GDate from = day ("2026-03-01"), to = day ("2026-03-31");
  SpWorklogSummary team;
  gint64 sum[SP_WORKLOG_N_VALUES] = { 0 };
  guint entries = 0;

  workspace_open (&ws);
  add_summary_data (&ws);
  /* Wang Fang moves from North to South on 2026-03-08. */
  exec_sql (&ws, "INSERT INTO rep_region (rep_id, region_id, from_day) VALUES"
                 " (3, 1, '2025-01-01'), (3, 2, '2026-03-08');");
  add_entry (&ws, 3, "2026-03-07", 7, 1, 1, 7000, 1, 1, 70);
  add_entry (&ws, 3, "2026-03-09", 9, 2, 2, 9000, 0, 2, 90);
  add_entry (&ws, 3, "2026-03-10", 1, 0, 0, 0, 0, 0, 0);

  reps = sp_worklog_summarize_reps (ws.store, &from, &to, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reps->len, ==, 3);
  for (guint i = 0; i < reps->len; i++)
    {
      const SpWorklogRepSummary *rep = &g_array_index (reps, SpWorklogRepSummary, i);

      g_assert_cmpint (rep->rep_id, ==, (gint64) i + 1);
      g_assert_cmpint (rep->region_id, ==, 0);
      assert_rep_summary (&ws, rep, 0, &from, &to);
      for (guint f = 0; f < SP_WORKLOG_N_VALUES; f++)
        sum[f] += rep->summary.totals[f];
      entries += rep->summary.entries;
    }
  g_assert_true (sp_worklog_summarize (ws.store, 0, 0, &from, &to, &team, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (sum, sizeof sum, team.totals, sizeof team.totals);
  g_assert_cmpuint (entries, ==, team.entries);
  g_assert_cmpint (g_array_index (reps, SpWorklogRepSummary, 0).summary.totals[SP_WORKLOG_FIELD_ORDERS],
                   ==, 3);
  g_clear_pointer (&reps, g_array_unref);

  /* By region: Wang Fang twice, each part in the region of its days. */
  reps = sp_worklog_summarize_reps (ws.store, &from, &to, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reps->len, ==, 4);
  for (guint i = 0; i < reps->len; i++)
    {
      const SpWorklogRepSummary *rep = &g_array_index (reps, SpWorklogRepSummary, i);

      g_assert_cmpint (rep->region_id, !=, 0);
      assert_rep_summary (&ws, rep, rep->region_id, &from, &to);
    }
  g_assert_cmpint (g_array_index (reps, SpWorklogRepSummary, 2).rep_id, ==, 3);
  g_assert_cmpint (g_array_index (reps, SpWorklogRepSummary, 2).region_id, ==, 1);
  g_assert_cmpuint (g_array_index (reps, SpWorklogRepSummary, 2).summary.entries, ==, 1);
  g_assert_cmpint (g_array_index (reps, SpWorklogRepSummary, 3).region_id, ==, 2);
  g_assert_cmpint (g_array_index (reps, SpWorklogRepSummary, 3).summary.totals[SP_WORKLOG_FIELD_COLLECTED],
                   ==, 90);
  g_clear_pointer (&reps, g_array_unref);

  /* A period without entries. */
  from = day ("2026-05-01");
  to = day ("2026-05-31");
  reps = sp_worklog_summarize_reps (ws.store, &from, &to, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reps->len, ==, 0);

  workspace_close (&ws);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/worklog/fields", test_fields);
  g_test_add_func ("/worklog/parse/counts", test_parse_counts);
  g_test_add_func ("/worklog/parse/money", test_parse_money);
  g_test_add_func ("/worklog/parse/notes", test_parse_notes);
  g_test_add_func ("/worklog/set-field/refusals", test_set_field_refusals);
  g_test_add_func ("/worklog/set-field/workspace-currency", test_set_field_workspace_currency);
  g_test_add_func ("/worklog/set-field/upsert", test_upsert);
  g_test_add_func ("/worklog/undo", test_undo);
  g_test_add_func ("/worklog/day-range", test_day_range);
  g_test_add_func ("/worklog/unknown-rep", test_unknown_rep);
  g_test_add_func ("/worklog/previous-plan", test_previous_plan);
  g_test_add_func ("/worklog/list-day", test_list_day);
  g_test_add_func ("/worklog/summary/range", test_summarize);
  g_test_add_func ("/worklog/summary/weeks", test_summarize_weeks);
  g_test_add_func ("/worklog/summary/months", test_summarize_months);
  g_test_add_func ("/worklog/summary/reps", test_summarize_reps);
  g_test_add_func ("/worklog/key-figures/previous-period", test_previous_period);
  g_test_add_func ("/worklog/key-figures/figures", test_key_figures);
  g_test_add_func ("/worklog/required/exact", test_below_pure);
  g_test_add_func ("/worklog/required/from-log", test_below_required);
  g_test_add_func ("/worklog/durability/kill", test_durability);

  return g_test_run ();
}

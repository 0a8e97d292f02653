/* test-undo.c — every mutation is one undoable step; undo and redo restore exact content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-model.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

typedef struct
{
  char    *dir;
  SpStore *store;
  guint    changed;
} Fixture;

static void
changed_cb (SpStore *store,
            Fixture *fixture)
{
  fixture->changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = sp_test_make_dir ();
  path = g_build_filename (fixture->dir, "w.db", NULL);
  fixture->store = sp_store_open (path, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  sp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
hash (SpStore *store)
{
  g_autoptr(GError) error = NULL;
  char *h = sp_store_content_hash (store, &error);

  g_assert_no_error (error);
  return h;
}

static void
exec_edit (SpStore    *store,
           const char *label,
           const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_store_begin_edit (store, label, &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (store), sql, &error));
  g_assert_true (sp_store_commit_edit (store, &error));
  g_assert_no_error (error);
}

static void
test_undo_insert (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = hash (fixture->store);
  g_autofree char *one = NULL;
  g_autofree char *again = NULL;
  gint64 id;

  g_assert_false (sp_store_can_undo (fixture->store));
  g_assert_null (sp_store_get_undo_label (fixture->store));

  id = sp_region_add (fixture->store, "East", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 1);
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_true (sp_store_can_undo (fixture->store));
  g_assert_cmpstr (sp_store_get_undo_label (fixture->store), ==, "Add region");
  one = hash (fixture->store);

  g_assert_true (sp_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 2);
  {
    g_autofree char *h = hash (fixture->store);
    g_assert_cmpstr (h, ==, empty);
  }
  g_assert_false (sp_store_can_undo (fixture->store));
  g_assert_true (sp_store_can_redo (fixture->store));
  g_assert_cmpstr (sp_store_get_redo_label (fixture->store), ==, "Add region");

  g_assert_true (sp_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  again = hash (fixture->store);
  g_assert_cmpstr (again, ==, one);
  g_assert_false (sp_store_can_redo (fixture->store));

  /* Nothing more to redo: a clear error, nothing changes. */
  g_assert_false (sp_store_redo (fixture->store, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOTHING_TO_REDO);
}

static void
test_undo_update_delete_cascade (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_update = NULL;
  g_autofree char *after_delete = NULL;

  exec_edit (fixture->store, "Set up",
             "INSERT INTO region (id, name) VALUES (1, 'East');"
             "INSERT INTO rep (id, name, region_id) VALUES (7, '张伟', 1);"
             "INSERT INTO worklog_entry (rep_id, day, prospects, revenue, summary)"
             "  VALUES (7, '2026-03-02', 12, 95758, '拜访客户'), (7, '2026-03-03', 9, 0, NULL IS NULL);"
             "INSERT INTO plan (id, fiscal_year, target) VALUES (1, 2026, 100);"
             "INSERT INTO plan_commitment VALUES (1, 7, 50);");
  before = hash (fixture->store);

  exec_edit (fixture->store, "Edit",
             "UPDATE worklog_entry SET prospects = prospects + 1, summary = 'it''s done' WHERE rep_id = 7;");
  after_update = hash (fixture->store);
  g_assert_cmpstr (after_update, !=, before);

  /* Deleting the rep cascades to their log and commitment. */
  exec_edit (fixture->store, "Remove rep", "DELETE FROM rep WHERE id = 7;");
  after_delete = hash (fixture->store);

  g_assert_true (sp_store_undo (fixture->store, &error));
  {
    g_autofree char *h = hash (fixture->store);
    g_assert_cmpstr (h, ==, after_update);
  }
  g_assert_true (sp_store_undo (fixture->store, &error));
  {
    g_autofree char *h = hash (fixture->store);
    g_assert_cmpstr (h, ==, before);
  }
  g_assert_true (sp_store_redo (fixture->store, &error));
  g_assert_true (sp_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  {
    g_autofree char *h = hash (fixture->store);
    g_assert_cmpstr (h, ==, after_delete);
  }
  g_assert_true (sp_store_check (fixture->store, &error));
  g_assert_no_error (error);
}

static void
test_undo_new_edit_clears_redo (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sp_region_add (fixture->store, "A", &error);
  sp_region_add (fixture->store, "B", &error);
  g_assert_true (sp_store_undo (fixture->store, &error));
  g_assert_true (sp_store_can_redo (fixture->store));
  sp_region_add (fixture->store, "C", &error);
  g_assert_no_error (error);
  g_assert_false (sp_store_can_redo (fixture->store));
  g_assert_cmpstr (sp_store_get_undo_label (fixture->store), ==, "Add region");

  g_assert_true (sp_store_undo (fixture->store, &error));
  g_assert_true (sp_store_undo (fixture->store, &error));
  g_assert_false (sp_store_can_undo (fixture->store));
  g_assert_false (sp_store_undo (fixture->store, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOTHING_TO_UNDO);
}

static void
test_undo_rollback_and_empty (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = hash (fixture->store);

  /* A rolled-back edit leaves neither data nor an undo step. */
  g_assert_true (sp_store_begin_edit (fixture->store, "Doomed", &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (fixture->store),
                              "INSERT INTO region (name) VALUES ('X')", &error));
  sp_store_rollback_edit (fixture->store);
  {
    g_autofree char *h = hash (fixture->store);
    g_assert_cmpstr (h, ==, empty);
  }
  g_assert_false (sp_store_can_undo (fixture->store));
  g_assert_cmpuint (fixture->changed, ==, 0);

  /* An edit that changes nothing is not a step. */
  exec_edit (fixture->store, "Nothing", "UPDATE region SET name = name;");
  g_assert_false (sp_store_can_undo (fixture->store));

  /* A refused write (duplicate) changes nothing either. */
  g_assert_cmpint (sp_region_add (fixture->store, "East", &error), >, 0);
  g_assert_cmpint (sp_region_add (fixture->store, " East ", &error), ==, 0);
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sp_store_undo (fixture->store, &error));
  g_assert_false (sp_store_can_undo (fixture->store));
}

static void
test_undo_many_steps (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (hashes, hash (fixture->store));
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO setting (key, value) VALUES ('k%u', '%u')"
                                              " ON CONFLICT (key) DO UPDATE SET value = value || 'x';"
                                              "DELETE FROM setting WHERE key = 'k%u';",
                                              i % 7, i, (i + 3) % 7);
      exec_edit (fixture->store, "Step", sql);
      g_ptr_array_add (hashes, hash (fixture->store));
    }

  for (guint i = 30; i > 0; i--)
    {
      g_autofree char *h = NULL;

      g_assert_true (sp_store_undo (fixture->store, &error));
      h = hash (fixture->store);
      g_assert_cmpstr (h, ==, g_ptr_array_index (hashes, i - 1));
    }
  for (guint i = 1; i <= 30; i++)
    {
      g_autofree char *h = NULL;

      g_assert_true (sp_store_redo (fixture->store, &error));
      h = hash (fixture->store);
      g_assert_cmpstr (h, ==, g_ptr_array_index (hashes, i));
    }
  g_assert_no_error (error);
}

static void
test_undo_history_is_per_session (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (sp_store_get_path (fixture->store));

  sp_region_add (fixture->store, "East", &error);
  g_clear_object (&fixture->store);
  fixture->store = sp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (sp_store_can_undo (fixture->store));
}

/* Bulk updates: one undo entry for many rows. */

static gint64
count_rows (SpStore    *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (sp_store_get_db (store), sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Renames and moves regions 2..@n in bulk, plus one plain insert, as one edit. */
static void
bulk_edit (SpStore *store,
           guint    n,
           int      shift)
{
  static const char * const columns[] = { "name", "position", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *stage = g_strdup_printf (
    "CREATE TEMP TABLE IF NOT EXISTS staged (id INTEGER PRIMARY KEY, name TEXT, position INTEGER);"
    "DELETE FROM staged;"
    "INSERT INTO staged SELECT id, name || ' %d', position + %d FROM region WHERE id BETWEEN 2 AND %u;"
    "INSERT INTO product (name) VALUES ('Product %d');", shift, shift, n, shift);

  g_assert_true (sp_store_begin_edit (store, "Bulk", &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (store), stage, &error));
  g_assert_true (sp_undo_bulk_update (sp_store_get_db (store), "region", columns, "staged",
                                      &error));
  g_assert_true (sp_store_commit_edit (store, &error));
  g_assert_no_error (error);
}

static void
undo (SpStore *store,
      gboolean redo)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (redo ? sp_store_redo (store, &error) : sp_store_undo (store, &error));
  g_assert_no_error (error);
}

static void
assert_hash (SpStore    *store,
             const char *expected)
{
  g_autofree char *h = hash (store);

  g_assert_cmpstr (h, ==, expected);
}

static void
test_undo_bulk_update (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (guint i = 1; i <= 200; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO region (name, position) VALUES "
                                              "('Region %u', %u)", i, i);

      exec_edit (fixture->store, "Add", sql);
    }
  before = hash (fixture->store);
  fixture->changed = 0;

  bulk_edit (fixture->store, 150, 1000);
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_cmpstr (sp_store_get_undo_label (fixture->store), ==, "Bulk");
  after = hash (fixture->store);
  g_assert_cmpstr (after, !=, before);
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM region WHERE position > 1000"),
                   ==, 149);
  /* One log entry for the 149 rows, one for the product; the old values beside it. */
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM temp.sp_undo_log"
                                               " WHERE stack = 0 AND step = (SELECT max(step)"
                                               " FROM temp.sp_undo_step WHERE stack = 0)"),
                   ==, 2);
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM temp.sp_undo_rows"), ==, 149);

  /* Undo, redo, undo, redo: exact content each time, one step each way. */
  for (guint round = 0; round < 2; round++)
    {
      undo (fixture->store, FALSE);
      assert_hash (fixture->store, before);
      g_assert_cmpstr (sp_store_get_redo_label (fixture->store), ==, "Bulk");
      g_assert_cmpstr (sp_store_get_undo_label (fixture->store), ==, "Add");
      g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM temp.sp_undo_rows"),
                       ==, 149);
      undo (fixture->store, TRUE);
      assert_hash (fixture->store, after);
      g_assert_false (sp_store_can_redo (fixture->store));
    }

  /* The per-row triggers are back: a plain update after it is undone on its own. */
  exec_edit (fixture->store, "Rename", "UPDATE region SET name = 'Renamed' WHERE id = 3");
  undo (fixture->store, FALSE);
  assert_hash (fixture->store, after);
  undo (fixture->store, FALSE);
  assert_hash (fixture->store, before);

  /* A new edit drops the redo stack, bulk rows included. */
  exec_edit (fixture->store, "Rename", "UPDATE region SET name = 'Other' WHERE id = 4");
  g_assert_false (sp_store_can_redo (fixture->store));
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM temp.sp_undo_rows"), ==, 0);
}

static void
test_undo_bulk_interleaved (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  guint n;

  for (guint i = 1; i <= 50; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO region (name, position) VALUES "
                                              "('Region %u', %u)", i, i);

      exec_edit (fixture->store, "Add", sql);
    }

  /* Bulk and plain edits of the same rows and of other tables, in turn. */
  g_ptr_array_add (hashes, hash (fixture->store));
  bulk_edit (fixture->store, 40, 100);
  g_ptr_array_add (hashes, hash (fixture->store));
  exec_edit (fixture->store, "Plain", "UPDATE region SET position = position * 2 WHERE id < 20;"
                                      "DELETE FROM region WHERE id = 45;"
                                      "INSERT INTO customer_type (name) VALUES ('New');");
  g_ptr_array_add (hashes, hash (fixture->store));
  bulk_edit (fixture->store, 30, 7);
  g_ptr_array_add (hashes, hash (fixture->store));
  bulk_edit (fixture->store, 50, 9);
  g_ptr_array_add (hashes, hash (fixture->store));
  exec_edit (fixture->store, "Plain", "DELETE FROM region WHERE id = 10;");
  g_ptr_array_add (hashes, hash (fixture->store));
  n = hashes->len;

  for (guint i = n - 1; i > 0; i--)
    {
      undo (fixture->store, FALSE);
      assert_hash (fixture->store, g_ptr_array_index (hashes, i - 1));
    }
  for (guint i = 1; i < n; i++)
    {
      undo (fixture->store, TRUE);
      assert_hash (fixture->store, g_ptr_array_index (hashes, i));
    }
  for (guint i = n - 1; i > 2; i--)
    undo (fixture->store, FALSE);
  assert_hash (fixture->store, g_ptr_array_index (hashes, 2));

  /* A bulk edit rolled back leaves nothing: no content, no undo step, no saved rows. */
  {
    static const char * const columns[] = { "position", NULL };
    gint64 rows = count_rows (fixture->store, "SELECT count(*) FROM temp.sp_undo_rows");

    g_assert_true (sp_store_begin_edit (fixture->store, "Dropped", &error));
    g_assert_true (sp_sql_exec (sp_store_get_db (fixture->store),
                                "DELETE FROM staged; INSERT INTO staged (id, position)"
                                " SELECT id, 0 FROM region;", &error));
    g_assert_true (sp_undo_bulk_update (sp_store_get_db (fixture->store), "region", columns,
                                        "staged", &error));
    g_assert_no_error (error);
    sp_store_rollback_edit (fixture->store);
    assert_hash (fixture->store, g_ptr_array_index (hashes, 2));
    g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM temp.sp_undo_rows"),
                     ==, rows);
    g_assert_cmpstr (sp_store_get_redo_label (fixture->store), ==, "Bulk");
  }

  undo (fixture->store, TRUE);
  assert_hash (fixture->store, g_ptr_array_index (hashes, 3));
}

/* Detached edits: rows a second connection inserts, one undo step of the first. */

static SpStore *
open_second (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SpStore *store = sp_store_open (sp_store_get_path (fixture->store), &error);

  g_assert_no_error (error);
  return store;
}

/* Inserts @sql on a second connection as a detached edit; returns what it added. */
static SpStoreInserts *
detached_insert (Fixture    *fixture,
                 const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) worker = open_second (fixture);
  g_autoptr(SpStoreInserts) inserts = sp_store_begin_detached_edit (worker, "Import", &error);

  g_assert_no_error (error);
  g_assert_true (sp_sql_exec (sp_store_get_db (worker), sql, &error));
  g_assert_true (sp_store_commit_detached_edit (worker, inserts, &error));
  g_assert_no_error (error);
  /* The worker's connection recorded nothing and announced nothing. */
  g_assert_false (sp_store_can_undo (worker));
  return g_steal_pointer (&inserts);
}

static const char detached_rows[] =
  "INSERT INTO region (name) VALUES ('South'), ('West');"
  "INSERT INTO rep (name, region_id) SELECT 'Ann', id FROM region WHERE name = 'South';"
  "INSERT INTO rep (name, region_id) SELECT 'Bob', id FROM region WHERE name = 'North';"
  "INSERT INTO product (name) VALUES ('P');"
  "INSERT INTO history_order (order_day, amount, region_id, rep_id, product_id)"
  "  SELECT '2025-01-0' || r.id, 1000 * r.id, r.region_id, r.id, 1 FROM rep r;"
  "INSERT INTO history_order (order_day, amount) VALUES ('2025-02-01', 7);";

#define SUMS_SQL \
  "SELECT (SELECT count(*) FROM region) || '/' || (SELECT count(*) FROM rep) || '/'" \
  " || (SELECT count(*) FROM product) || '/' || (SELECT count(*) FROM history_order) || '/'" \
  " || (SELECT coalesce (sum (amount), 0) FROM history_order)"

static char *
sums (SpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (sp_store_get_db (store), SUMS_SQL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
assert_sums (SpStore    *store,
             const char *expected)
{
  g_autofree char *s = sums (store);

  g_assert_cmpstr (s, ==, expected);
}

#define KEPT_TABLES_SQL \
  "SELECT count(*) FROM temp.sqlite_schema WHERE name LIKE 'sp\\_undo\\_kept\\_%' ESCAPE '\\'"

static char *
index_sql (SpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt =
    sp_sql_prepare (sp_store_get_db (store),
                    "SELECT group_concat (sql, ';') FROM (SELECT sql FROM sqlite_schema"
                    " WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_undo_detached_insert (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStoreInserts) inserts = NULL;
  g_autofree char *empty = hash (fixture->store);
  g_autofree char *before = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *indexes = index_sql (fixture->store);

  g_assert_cmpint (sp_region_add (fixture->store, "North", &error), ==, 1);
  g_assert_no_error (error);
  before = hash (fixture->store);
  assert_sums (fixture->store, "1/0/0/0/0");
  fixture->changed = 0;

  inserts = detached_insert (fixture, detached_rows);
  /* 2 regions, 2 reps, 1 product, 3 orders (Bob's, Ann's and one without a rep). */
  g_assert_cmpuint (sp_store_inserts_get_n_rows (inserts), ==, 8);
  /* The rows are in the file; the first connection has not been told yet. */
  assert_sums (fixture->store, "3/2/1/3/3007");
  g_assert_cmpuint (fixture->changed, ==, 0);
  g_assert_cmpstr (sp_store_get_undo_label (fixture->store), ==, "Add region");

  g_assert_true (sp_store_record_inserts (fixture->store, inserts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_cmpstr (sp_store_get_undo_label (fixture->store), ==, "Import");
  /* One log entry per table, whatever the number of rows. */
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM temp.sp_undo_log"
                                               " WHERE stack = 0 AND step = (SELECT max(step)"
                                               " FROM temp.sp_undo_step WHERE stack = 0)"),
                   ==, 4);
  imported = hash (fixture->store);

  /* A later edit of an imported row is undone first, on its own. */
  exec_edit (fixture->store, "Rename", "UPDATE rep SET name = 'Anne' WHERE name = 'Ann';");
  renamed = hash (fixture->store);
  undo (fixture->store, FALSE);
  assert_hash (fixture->store, imported);

  for (guint round = 0; round < 2; round++)
    {
      undo (fixture->store, FALSE);
      assert_hash (fixture->store, before);
      assert_sums (fixture->store, "1/0/0/0/0");
      g_assert_cmpstr (sp_store_get_redo_label (fixture->store), ==, "Import");
      g_assert_cmpstr (sp_store_get_undo_label (fixture->store), ==, "Add region");
      /* The deleted rows are kept, one copy per table, for redo. */
      g_assert_cmpint (count_rows (fixture->store, KEPT_TABLES_SQL), ==, 4);
      undo (fixture->store, TRUE);
      assert_hash (fixture->store, imported);
      assert_sums (fixture->store, "3/2/1/3/3007");
      g_assert_cmpint (count_rows (fixture->store, KEPT_TABLES_SQL), ==, 0);
    }
  undo (fixture->store, TRUE);
  assert_hash (fixture->store, renamed);
  /* The ranges were most of history_order: its indexes were built afresh, the same. */
  {
    g_autofree char *now = index_sql (fixture->store);
    g_assert_cmpstr (now, ==, indexes);
  }
  g_assert_true (sp_store_check (fixture->store, &error));
  g_assert_no_error (error);

  /* The first connection's own steps before it still undo, in order. */
  undo (fixture->store, FALSE);
  undo (fixture->store, FALSE);
  assert_hash (fixture->store, before);
  undo (fixture->store, FALSE);
  assert_hash (fixture->store, empty);
  g_assert_false (sp_store_can_undo (fixture->store));

  /* A new edit drops the redo stack, kept rows included. */
  exec_edit (fixture->store, "Other", "INSERT INTO setting VALUES ('k', 'v');");
  g_assert_false (sp_store_can_redo (fixture->store));
  g_assert_cmpint (count_rows (fixture->store, KEPT_TABLES_SQL), ==, 0);
}

static void
test_undo_detached_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) worker = NULL;
  g_autoptr(SpStoreInserts) inserts = NULL;
  g_autoptr(SpStoreInserts) late = NULL;
  g_autofree char *before = NULL;

  exec_edit (fixture->store, "Set up", "INSERT INTO region (name) VALUES ('North'), ('East');");
  before = hash (fixture->store);

  /* An edit that does more than add rows is refused and rolled back. */
  worker = open_second (fixture);
  inserts = sp_store_begin_detached_edit (worker, "Import", &error);
  g_assert_no_error (error);
  g_assert_true (sp_sql_exec (sp_store_get_db (worker),
                              "INSERT INTO region (name) VALUES ('South');"
                              "UPDATE region SET position = 3 WHERE name = 'North';", &error));
  g_assert_false (sp_store_commit_detached_edit (worker, inserts, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&inserts, sp_store_inserts_free);
  assert_hash (fixture->store, before);

  /* So is a row put below the largest rowid. */
  inserts = sp_store_begin_detached_edit (worker, "Import", &error);
  g_assert_true (sp_sql_exec (sp_store_get_db (worker), "DELETE FROM region WHERE id = 1;"
                              "INSERT INTO region (id, name) VALUES (1, 'North');", &error));
  g_assert_false (sp_store_commit_detached_edit (worker, inserts, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&inserts, sp_store_inserts_free);
  g_clear_object (&worker);
  assert_hash (fixture->store, before);

  /* Recording what an edit added after a row was added above it is refused: the history is
   * cleared rather than left to undo the wrong rows, and "changed" still emitted. */
  late = detached_insert (fixture, "INSERT INTO region (name) VALUES ('South');");
  g_clear_object (&worker);
  exec_edit (fixture->store, "Add", "INSERT INTO region (name) VALUES ('West');");
  fixture->changed = 0;
  g_assert_false (sp_store_record_inserts (fixture->store, late, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_false (sp_store_can_undo (fixture->store));
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM region"), ==, 4);
}

/* Recording the step drops the redo stack, as any new step does. */
static void
test_undo_detached_clears_redo (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStoreInserts) inserts = NULL;

  sp_region_add (fixture->store, "North", &error);
  sp_region_add (fixture->store, "East", &error);
  g_assert_no_error (error);
  undo (fixture->store, FALSE);
  g_assert_true (sp_store_can_redo (fixture->store));

  /* Region 2 is free again: the second connection's row takes its id. */
  inserts = detached_insert (fixture, "INSERT INTO region (name) VALUES ('South');");
  g_assert_true (sp_store_record_inserts (fixture->store, inserts, &error));
  g_assert_no_error (error);
  g_assert_false (sp_store_can_redo (fixture->store));
  undo (fixture->store, FALSE);
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM region"), ==, 1);
  undo (fixture->store, TRUE);
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM region WHERE id = 2"
                                               " AND name = 'South'"), ==, 1);
}

/* Another connection rewrote the file: the history is cleared and "changed" emitted once. */
static void
test_undo_reload (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) worker = NULL;

  sp_region_add (fixture->store, "North", &error);
  sp_region_add (fixture->store, "East", &error);
  undo (fixture->store, FALSE);
  g_assert_true (sp_store_can_undo (fixture->store));
  g_assert_true (sp_store_can_redo (fixture->store));

  worker = open_second (fixture);
  exec_edit (worker, "Elsewhere", "DELETE FROM region;");
  g_clear_object (&worker);
  fixture->changed = 0;
  sp_store_reload (fixture->store);
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_false (sp_store_can_undo (fixture->store));
  g_assert_false (sp_store_can_redo (fixture->store));
  g_assert_null (sp_store_get_undo_label (fixture->store));
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM region"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/undo/insert", test_undo_insert);
  ADD ("/undo/update-delete-cascade", test_undo_update_delete_cascade);
  ADD ("/undo/new-edit-clears-redo", test_undo_new_edit_clears_redo);
  ADD ("/undo/rollback-and-empty", test_undo_rollback_and_empty);
  ADD ("/undo/many-steps", test_undo_many_steps);
  ADD ("/undo/per-session", test_undo_history_is_per_session);
  ADD ("/undo/bulk-update", test_undo_bulk_update);
  ADD ("/undo/bulk-interleaved", test_undo_bulk_interleaved);
  ADD ("/undo/detached-insert", test_undo_detached_insert);
  ADD ("/undo/detached-refused", test_undo_detached_refused);
  ADD ("/undo/detached-clears-redo", test_undo_detached_clears_redo);
  ADD ("/undo/reload", test_undo_reload);
#undef ADD

  return g_test_run ();
}

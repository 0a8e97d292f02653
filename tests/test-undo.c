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
#undef ADD

  return g_test_run ();
}

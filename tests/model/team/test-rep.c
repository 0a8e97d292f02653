/* test-rep.c — the one rule that turns a rep's name into a rep: sp_rep_find_by_name()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-model.h"
#include "sp-rep-private.h"
#include "sp-test-utils.h"

typedef struct
{
  char    *dir;
  SpStore *store;
  gint64   east, west, north;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = sp_test_make_dir ();
  path = g_build_filename (f->dir, "workspace.db", NULL);
  f->store = sp_store_open (path, &error);
  g_assert_no_error (error);
  f->east = sp_region_add (f->store, "East", &error);
  f->west = sp_region_add (f->store, "West", &error);
  f->north = sp_region_add (f->store, "North", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
add_rep (Fixture    *f,
         const char *name,
         gint64      region_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_rep_add (f->store, name, region_id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
set_left (Fixture *f,
          gint64   rep_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE rep SET left_on = '2025-06-30' WHERE id = %"
                                          G_GINT64_FORMAT, rep_id);

  g_assert_true (sp_sql_exec (sp_store_get_db (f->store), sql, &error));
  g_assert_no_error (error);
}

static void
assert_not_found (Fixture    *f,
                  const char *name,
                  gint64      region_id,
                  GQuark      domain,
                  int         code,
                  const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sp_rep_find_by_name (f->store, name, region_id, &error), ==, 0);
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_rep_find_unique (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 zhang = add_rep (f, "Zhang San", f->east);

  add_rep (f, "Li Si", f->west);
  g_assert_cmpint (sp_rep_find_by_name (f->store, "Zhang San", 0, &error), ==, zhang);
  g_assert_no_error (error);
  /* Spaces around the name are not part of it (sp_rep_add() trims them too). */
  g_assert_cmpint (sp_rep_find_by_name (f->store, "  Zhang San ", 0, &error), ==, zhang);
  g_assert_cmpint (sp_rep_find_by_name (f->store, "Zhang San", f->east, &error), ==, zhang);
  g_assert_no_error (error);
}

static void
test_rep_find_unknown (Fixture       *f,
                       gconstpointer  data)
{
  add_rep (f, "Zhang San", f->east);

  assert_not_found (f, "Nobody", 0, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                    "There is no rep named “Nobody”");
  /* Names are exact: another case is another name. */
  assert_not_found (f, "zhang san", 0, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                    "There is no rep named “zhang san”");
  assert_not_found (f, "Zhang San", f->west, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                    "There is no rep named “Zhang San” in region “West”");
}

/* Two reps still on the team share a name: nothing is guessed, the region decides. */
static void
test_rep_find_duplicate_active (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 east = add_rep (f, "Wang Wu", f->east);
  gint64 west = add_rep (f, "Wang Wu", f->west);
  gint64 id = 0;

  assert_not_found (f, "Wang Wu", 0, SP_STORE_ERROR, SP_STORE_ERROR_AMBIGUOUS,
                    "There are several reps named “Wang Wu”");
  g_assert_cmpint (sp_rep_find_by_name (f->store, "Wang Wu", f->east, &error), ==, east);
  g_assert_cmpint (sp_rep_find_by_name (f->store, "Wang Wu", f->west, &error), ==, west);
  g_assert_no_error (error);

  /* The importers' form of the same rule. */
  g_assert_true (sp_rep_lookup (sp_store_get_db (f->store), "Wang Wu", 0, &id, &error));
  g_assert_cmpint (id, ==, SP_REP_AMBIGUOUS);
  g_assert_true (sp_rep_lookup (sp_store_get_db (f->store), "Wang Wu", f->west, &id, &error));
  g_assert_cmpint (id, ==, west);
  g_assert_true (sp_rep_lookup (sp_store_get_db (f->store), "Nobody", 0, &id, &error));
  g_assert_cmpint (id, ==, 0);
  g_assert_no_error (error);
}

/* A former rep whose name was given again: the one on the team is meant, whichever is older. */
static void
test_rep_find_left (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 former = add_rep (f, "Zhao Liu", f->east);
  gint64 current = add_rep (f, "Zhao Liu", f->west);
  gint64 alone;

  set_left (f, former);
  g_assert_cmpint (sp_rep_find_by_name (f->store, "Zhao Liu", 0, &error), ==, current);
  g_assert_no_error (error);
  /* The region still reaches the former rep. */
  g_assert_cmpint (sp_rep_find_by_name (f->store, "Zhao Liu", f->east, &error), ==, former);
  g_assert_no_error (error);

  /* Now the current rep is the older one, and the newer has left. */
  alone = add_rep (f, "Sun Qi", f->north);
  set_left (f, add_rep (f, "Sun Qi", f->east));
  g_assert_cmpint (sp_rep_find_by_name (f->store, "Sun Qi", 0, &error), ==, alone);
  g_assert_no_error (error);

  /* Only former reps, more than one: which one cannot be told. */
  set_left (f, alone);
  assert_not_found (f, "Sun Qi", 0, SP_STORE_ERROR, SP_STORE_ERROR_AMBIGUOUS,
                    "There are several reps named “Sun Qi”");
  set_left (f, current);
  assert_not_found (f, "Zhao Liu", 0, SP_STORE_ERROR, SP_STORE_ERROR_AMBIGUOUS,
                    "There are several reps named “Zhao Liu”");
  /* A lone former rep is found: their history and work logs are still theirs. */
  {
    gint64 gone = add_rep (f, "Zhou Ba", f->north);

    set_left (f, gone);
    g_assert_cmpint (sp_rep_find_by_name (f->store, "Zhou Ba", 0, &error), ==, gone);
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/rep/find-by-name/unique", Fixture, NULL, fixture_set_up, test_rep_find_unique,
              fixture_tear_down);
  g_test_add ("/rep/find-by-name/unknown", Fixture, NULL, fixture_set_up, test_rep_find_unknown,
              fixture_tear_down);
  g_test_add ("/rep/find-by-name/duplicate-active", Fixture, NULL, fixture_set_up,
              test_rep_find_duplicate_active, fixture_tear_down);
  g_test_add ("/rep/find-by-name/left", Fixture, NULL, fixture_set_up, test_rep_find_left,
              fixture_tear_down);

  return g_test_run ();
}

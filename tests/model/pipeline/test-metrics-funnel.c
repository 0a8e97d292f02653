/* test-metrics-funnel.c — the cohort funnel the Funnel view draws: exact counts, amounts,
 * conversions and the lost opportunities aside, on crafted stage histories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "sp-metrics.h"
#include "sp-opportunity.h"
#include "sp-region.h"
#include "sp-rep.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

typedef struct
{
  char    *dir;
  SpStore *store;
  gint64   rep_a;
  gint64   rep_b;
  gint64   region_b;
} Fixture;

static gint64
stage (Fixture    *f,
       const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_opportunity_find_stage (f->store, name, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
add (Fixture    *f,
     gint64      rep,
     const char *stage_name,
     gint64      amount,
     const char *created)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_opportunity_add (f->store, "Deal", 0, rep, stage (f, stage_name), amount,
                                  created, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
move (Fixture    *f,
      gint64      id,
      const char *stage_name,
      const char *day)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_opportunity_set_stage (f->store, id, stage (f, stage_name), day, &error));
  g_assert_no_error (error);
}

/* Period March 2026; stages Lead 0, Qualified 1, Proposal 2, Negotiation 3, Won 4.
 *  A (a, 9999) 02-20 Lead, Qualified 03-05, Won 03-20 → created before: not in the cohort
 *  B (a, 200) 03-02 Lead, Proposal 03-09, Lost 03-25   → reached 0–2, lost
 *  C (a, 300) 03-10 Lead, Qualified 03-20              → reached 0–1
 *  D (a, 1000) 03-05 Lead, Qualified 03-06, Negotiation 03-10, Won 03-28 → reached 0–4
 *  E (a, 50) 03-31 Lead                                → reached 0
 *  F (a, 400) 03-15 Lead, Qualified 04-02, Won 04-20   → reached 0 by 03-31
 *  G (a, 70) 03-12 created Lost                        → reached none, lost
 *  H (a, 90) 04-01 Lead                                → not in the cohort
 *  I (b, 500) 03-03 Lead, Qualified 03-04, back to Lead 03-06 → reached 0–1
 *  J (b, 800) 03-20 created in Proposal, Won 03-30     → reached 0–4
 *  K (a, 10) 03-08 in Qualified, no history row at all → reached 0–1 */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 region_a, id;

  f->dir = sp_test_make_dir ();
  path = g_build_filename (f->dir, "workspace.db", NULL);
  f->store = sp_store_open (path, &error);
  g_assert_no_error (error);
  sp_opportunity_ensure_stages (f->store, &error);
  g_assert_no_error (error);
  region_a = sp_region_add (f->store, "East", &error);
  g_assert_no_error (error);
  f->region_b = sp_region_add (f->store, "West", &error);
  g_assert_no_error (error);
  f->rep_a = sp_rep_add (f->store, "Li Lei", region_a, &error);
  g_assert_no_error (error);
  f->rep_b = sp_rep_add (f->store, "Han Meimei", f->region_b, &error);
  g_assert_no_error (error);

  id = add (f, f->rep_a, "Lead", 9999, "2026-02-20");               /* A */
  move (f, id, "Qualified", "2026-03-05");
  move (f, id, "Won", "2026-03-20");
  id = add (f, f->rep_a, "Lead", 200, "2026-03-02");                /* B */
  move (f, id, "Proposal", "2026-03-09");
  move (f, id, "Lost", "2026-03-25");
  id = add (f, f->rep_a, "Lead", 300, "2026-03-10");                /* C */
  move (f, id, "Qualified", "2026-03-20");
  id = add (f, f->rep_a, "Lead", 1000, "2026-03-05");               /* D */
  move (f, id, "Qualified", "2026-03-06");
  move (f, id, "Negotiation", "2026-03-10");
  move (f, id, "Won", "2026-03-28");
  add (f, f->rep_a, "Lead", 50, "2026-03-31");                      /* E */
  id = add (f, f->rep_a, "Lead", 400, "2026-03-15");                /* F */
  move (f, id, "Qualified", "2026-04-02");
  move (f, id, "Won", "2026-04-20");
  add (f, f->rep_a, "Lost", 70, "2026-03-12");                      /* G */
  add (f, f->rep_a, "Lead", 90, "2026-04-01");                      /* H */
  id = add (f, f->rep_b, "Lead", 500, "2026-03-03");                /* I */
  move (f, id, "Qualified", "2026-03-04");
  move (f, id, "Lead", "2026-03-06");
  id = add (f, f->rep_b, "Proposal", 800, "2026-03-20");            /* J */
  move (f, id, "Won", "2026-03-30");
  id = add (f, f->rep_a, "Qualified", 10, "2026-03-08");            /* K */
  g_assert_true (sp_sql_exec (sp_store_get_db (f->store),
                              "DELETE FROM opportunity_stage_history WHERE opportunity_id = "
                              "(SELECT max(id) FROM opportunity)", &error));
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

static SpMetricsFunnel *
funnel (Fixture    *f,
        const char *from,
        const char *to,
        gint64      rep,
        gint64      region)
{
  g_autoptr(GError) error = NULL;
  SpMetricsFilter filter = { .rep_id = rep, .region_id = region };
  SpMetricsFunnel *out;

  g_date_clear (&filter.from, 1);
  g_date_clear (&filter.to, 1);
  g_date_set_parse (&filter.from, from);
  g_date_set_parse (&filter.to, to);
  out = sp_metrics_get_funnel (f->store, &filter, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (out);
  g_assert_cmpuint (out->n_stages, ==, 5);
  return out;
}

static void
assert_rate (SpRate rate,
             gint64 num,
             gint64 den)
{
  g_assert_cmpint (rate.num, ==, num);
  g_assert_cmpint (rate.den, ==, den);
}

/* Every conversion is the next count over this one, from the numbers drawn. */
static void
assert_consistent (const SpMetricsFunnel *f)
{
  for (guint k = 0; k < f->n_stages; k++)
    {
      if (k > 0)
        {
          g_assert_cmpint (f->stages[k].cohort_count, <=, f->stages[k - 1].cohort_count);
          g_assert_cmpint (f->stages[k].cohort_amount, <=, f->stages[k - 1].cohort_amount);
        }
      if (k + 1 < f->n_stages)
        assert_rate (f->stages[k].cohort_conversion,
                     f->stages[k].cohort_count > 0 ? f->stages[k + 1].cohort_count : 0,
                     f->stages[k].cohort_count);
      else
        assert_rate (f->stages[k].cohort_conversion, 0, 0);
    }
  g_assert_cmpint (f->stages[0].cohort_count + f->cohort_lost, >=, f->cohort_size);
}

/* Each row's list (what a click on the band shows) has its count and amount. */
static void
assert_lists (Fixture               *fx,
              const SpMetricsFunnel *f,
              const char            *from,
              const char            *to)
{
  g_autoptr(GError) error = NULL;
  SpMetricsFilter filter;

  sp_metrics_filter_init_iso (&filter, from, to, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < f->n_stages; k++)
    {
      g_autoptr(GPtrArray) list = sp_opportunity_list_reached (fx->store, &filter,
                                                               f->stages[k].stage_id, &error);
      gint64 amount = 0;

      g_assert_no_error (error);
      for (guint j = 0; j < list->len; j++)
        amount += ((SpOpportunity *) g_ptr_array_index (list, j))->amount;
      g_assert_cmpint (list->len, ==, f->stages[k].cohort_count);
      g_assert_cmpint (amount, ==, f->stages[k].cohort_amount);
    }
}

static void
test_march (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(SpMetricsFunnel) f = funnel (fx, "2026-03-01", "2026-03-31", 0, 0);
  const gint64 counts[] = { 8, 6, 3, 2, 2 };
  const gint64 amounts[] = { 3260, 2810, 2000, 1800, 1800 };

  g_assert_cmpint (f->cohort_size, ==, 9);              /* B C D E F G I J K */
  g_assert_cmpint (f->cohort_size_amount, ==, 3330);
  for (guint k = 0; k < 5; k++)
    {
      g_assert_cmpint (f->stages[k].cohort_count, ==, counts[k]);
      g_assert_cmpint (f->stages[k].cohort_amount, ==, amounts[k]);
    }
  assert_rate (f->stages[0].cohort_conversion, 6, 8);
  assert_rate (f->stages[1].cohort_conversion, 3, 6);
  assert_rate (f->stages[2].cohort_conversion, 2, 3);
  assert_rate (f->stages[3].cohort_conversion, 2, 2);
  assert_rate (f->stages[4].cohort_conversion, 0, 0);
  assert_rate (f->cohort_overall, 2, 8);                /* D, J of the 8 that entered */
  g_assert_cmpint (f->cohort_lost, ==, 2);              /* B, G */
  g_assert_cmpint (f->cohort_lost_amount, ==, 270);
  assert_consistent (f);
  assert_lists (fx, f, "2026-03-01", "2026-03-31");

  /* Lost stages are no funnel row: their list is empty. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) lost = NULL;
    SpMetricsFilter filter;

    sp_metrics_filter_init_iso (&filter, "2026-03-01", "2026-03-31", &error);
    lost = sp_opportunity_list_reached (fx->store, &filter, stage (fx, "Lost"), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (lost->len, ==, 0);
  }
}

/* The period's end cuts what was reached: D won on 03-28, J on 03-30, E created 03-31. */
static void
test_period_end (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(SpMetricsFunnel) f = funnel (fx, "2026-03-01", "2026-03-25", 0, 0);
  const gint64 counts[] = { 7, 6, 3, 1, 0 };    /* B C D F I J K; B C D I J K; B D J; D */

  g_assert_cmpint (f->cohort_size, ==, 8);
  for (guint k = 0; k < 5; k++)
    g_assert_cmpint (f->stages[k].cohort_count, ==, counts[k]);
  g_assert_cmpint (f->stages[3].cohort_amount, ==, 1000);
  assert_rate (f->stages[3].cohort_conversion, 0, 1);
  assert_rate (f->cohort_overall, 0, 7);
  g_assert_cmpint (f->cohort_lost, ==, 2);              /* B lost on the last day, G */
  assert_consistent (f);
  assert_lists (fx, f, "2026-03-01", "2026-03-25");
}

static void
test_filters (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(SpMetricsFunnel) by_rep = funnel (fx, "2026-03-01", "2026-03-31", fx->rep_b, 0);
  g_autoptr(SpMetricsFunnel) by_region = funnel (fx, "2026-03-01", "2026-03-31", 0,
                                                 fx->region_b);
  g_autoptr(SpMetricsFunnel) april = funnel (fx, "2026-04-01", "2026-04-30", 0, 0);
  const gint64 counts[] = { 2, 2, 1, 1, 1 };   /* I J; I J; J; J; J */

  for (guint k = 0; k < 5; k++)
    {
      g_assert_cmpint (by_rep->stages[k].cohort_count, ==, counts[k]);
      g_assert_cmpint (by_region->stages[k].cohort_count, ==, counts[k]);
    }
  g_assert_cmpint (by_rep->stages[0].cohort_amount, ==, 1300);
  g_assert_cmpint (by_rep->stages[4].cohort_amount, ==, 800);
  assert_rate (by_rep->cohort_overall, 1, 2);
  g_assert_cmpint (by_rep->cohort_lost, ==, 0);
  assert_consistent (by_rep);

  /* April: only H, still a lead; A and F moved on in April but were created before. */
  g_assert_cmpint (april->cohort_size, ==, 1);
  g_assert_cmpint (april->stages[0].cohort_count, ==, 1);
  g_assert_cmpint (april->stages[1].cohort_count, ==, 0);
  g_assert_cmpint (april->stages[4].cohort_count, ==, 0);
  assert_rate (april->stages[1].cohort_conversion, 0, 0);
  assert_consistent (april);
}

/* A period without any opportunity created: nothing reached, every rate undefined. */
static void
test_empty (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(SpMetricsFunnel) f = funnel (fx, "2025-01-01", "2025-12-31", 0, 0);

  g_assert_cmpint (f->cohort_size, ==, 0);
  for (guint k = 0; k < 5; k++)
    {
      g_assert_cmpint (f->stages[k].cohort_count, ==, 0);
      assert_rate (f->stages[k].cohort_conversion, 0, 0);
    }
  assert_rate (f->cohort_overall, 0, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/metrics/funnel/cohort/march", Fixture, NULL, fixture_set_up, test_march,
              fixture_tear_down);
  g_test_add ("/metrics/funnel/cohort/period-end", Fixture, NULL, fixture_set_up,
              test_period_end, fixture_tear_down);
  g_test_add ("/metrics/funnel/cohort/filters", Fixture, NULL, fixture_set_up, test_filters,
              fixture_tear_down);
  g_test_add ("/metrics/funnel/cohort/empty", Fixture, NULL, fixture_set_up, test_empty,
              fixture_tear_down);

  return g_test_run ();
}

/* test-metrics.c — the key success factors, attainment, funnel and series on crafted data,
 * asserted as exact fractions and exact minor units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-metrics.h"
#include "sp-preferences.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

typedef struct
{
  char    *dir;
  char    *path;
  SpStore *store;
} Workspace;

/* Stages (rank in the funnel): Lead 0, Qualified 1, Proposal 2, Negotiation 3, Won 4.
 * Reps 1 and 2 are in North, 3 and 4 in South, 7 has no region; 5 left before March 2026
 * and 6 joins after it. */
static const char base_sql[] =
  "INSERT INTO pipeline_stage (id, name, position, probability_pct, outcome) VALUES"
  " (1, 'Lead', 0, 10, 'open'), (2, 'Qualified', 1, 25, 'open'),"
  " (3, 'Proposal', 2, 50, 'open'), (4, 'Negotiation', 3, 75, 'open'),"
  " (5, 'Won', 4, 100, 'won'), (6, 'Lost', 5, 0, 'lost');"
  "INSERT INTO region (id, name, position) VALUES (1, 'North', 0), (2, 'South', 1);"
  "INSERT INTO rep (id, name, region_id, hired_on, left_on) VALUES"
  " (1, 'Ann', 1, NULL, NULL), (2, 'Bob', 1, '2020-01-01', NULL),"
  " (3, 'Cai', 2, NULL, NULL), (4, 'Dan', 2, NULL, NULL),"
  " (5, 'Eve', 2, '2020-01-01', '2026-02-01'), (6, 'Fay', 1, '2026-04-01', NULL),"
  " (7, 'Gus', NULL, NULL, NULL);";

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

static SpMetricsFilter
period (const char *from,
        const char *to,
        gint64      rep_id,
        gint64      region_id)
{
  g_autoptr(GError) error = NULL;
  SpMetricsFilter filter;

  g_assert_true (sp_metrics_filter_init_iso (&filter, from, to, &error));
  g_assert_no_error (error);
  filter.rep_id = rep_id;
  filter.region_id = region_id;
  return filter;
}

#define assert_rate(rate, n, d) \
  G_STMT_START { \
    SpRate r_ = (rate); \
    g_assert_cmpint (r_.num, ==, (n)); \
    g_assert_cmpint (r_.den, ==, (d)); \
  } G_STMT_END

#define assert_undefined(rate) assert_rate (rate, 0, 0)

static SpMetricsKpis
kpis_of (Workspace             *ws,
         const SpMetricsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  SpMetricsKpis kpis;

  memset (&kpis, 0xaa, sizeof kpis);
  g_assert_true (sp_metrics_get_kpis (ws->store, filter, &kpis, &error));
  g_assert_no_error (error);
  return kpis;
}

/* The six key success factors */

static const char kpi_sql[] =
  "INSERT INTO opportunity (id, rep_id, stage_id, amount, created_on, closed_on, invoiced,"
  " collected) VALUES"
  " (1, 1, 5, 100000, '2026-02-10', '2026-03-01', 100000, 60000),"  /* won on the first day */
  " (2, 1, 5, 50001, '2026-03-05', '2026-03-31', 50001, 50001),"    /* won on the last day */
  " (3, 2, 6, 70000, '2026-03-10', '2026-03-10', 0, 0),"            /* lost the day it came */
  " (4, 3, 6, 30000, '2026-01-15', '2026-03-20', 0, 0),"
  " (5, 3, 5, 20000, '2026-03-02', '2026-04-01', 20000, 0),"        /* won the day after */
  " (6, 2, 2, 40000, '2026-03-31', NULL, 0, 0),"
  " (7, 1, 2, 9000, '2026-02-28', NULL, 0, 0),"
  " (8, 3, 1, 8000, '2026-04-01', NULL, 0, 0),"
  " (9, 2, 3, 6000, '2026-03-15', NULL, 0, 0),"
  " (10, 4, 5, 7000, '2026-05-01', '2026-05-10', 0, 0);"            /* won, not invoiced */
  "INSERT INTO opportunity_stage_history (opportunity_id, stage_id, entered_on) VALUES"
  " (1, 1, '2026-02-10'), (1, 5, '2026-03-01'),"
  " (2, 1, '2026-03-05'), (2, 2, '2026-03-10'), (2, 5, '2026-03-31'),"
  " (3, 1, '2026-03-10'), (3, 6, '2026-03-10'),"
  " (4, 1, '2026-01-15'), (4, 6, '2026-03-20'),"
  " (5, 1, '2026-03-02'), (5, 2, '2026-03-05'), (5, 3, '2026-03-15'), (5, 5, '2026-04-01'),"
  " (6, 1, '2026-03-31'), (6, 2, '2026-04-02'),"                     /* effective too late */
  " (7, 1, '2026-02-28'), (7, 2, '2026-03-01'),"
  " (8, 1, '2026-04-01'),"
  " (9, 1, '2026-03-15'), (9, 3, '2026-03-20'),"                     /* skipped Qualified */
  " (10, 1, '2026-05-01'), (10, 5, '2026-05-10');";

static void
kpi_workspace (Workspace *ws)
{
  workspace_open (ws);
  exec_sql (ws, base_sql);
  exec_sql (ws, kpi_sql);
}

static void
test_kpis_team (void)
{
  Workspace ws = { 0, };
  SpMetricsFilter filter;
  SpMetricsKpis k;

  kpi_workspace (&ws);
  filter = period ("2026-03-01", "2026-03-31", 0, 0);
  k = kpis_of (&ws, &filter);

  /* Created in March: 2, 3, 5, 6, 9; 3 was lost the day it came. */
  g_assert_cmpint (k.effective_leads, ==, 4);
  /* 2 (Qualified), 5 (Qualified), 9 (Proposal, skipping Qualified); 6 only in April. */
  g_assert_cmpint (k.effective_opportunities, ==, 3);
  /* Won 1 (first day) and 2 (last day); lost 3 and 4; 5 is won on 1 April. */
  g_assert_cmpint (k.won, ==, 2);
  g_assert_cmpint (k.lost, ==, 2);
  assert_rate (k.win_rate, 2, 4);
  /* 19 + 26 days */
  g_assert_cmpint (k.win_days, ==, 45);
  assert_rate (k.win_cycle, 45, 2);
  /* 150001 / 2 = 75000.5 → 75001 */
  g_assert_cmpint (k.won_amount, ==, 150001);
  g_assert_true (k.average_deal_size.defined);
  g_assert_cmpint (k.average_deal_size.value, ==, 75001);
  g_assert_cmpint (k.invoiced, ==, 150001);
  g_assert_cmpint (k.collected, ==, 110001);
  assert_rate (k.collection_rate, 110001, 150001);

  /* Boundaries inclusive: one day each. */
  filter = period ("2026-03-01", "2026-03-01", 0, 0);
  k = kpis_of (&ws, &filter);
  g_assert_cmpint (k.won, ==, 1);
  assert_rate (k.win_cycle, 19, 1);
  filter = period ("2026-03-31", "2026-03-31", 0, 0);
  k = kpis_of (&ws, &filter);
  g_assert_cmpint (k.won, ==, 1);
  g_assert_cmpint (k.effective_leads, ==, 1);
  g_assert_cmpint (k.effective_opportunities, ==, 0);

  workspace_close (&ws);
}

static void
test_kpis_filters (void)
{
  Workspace ws = { 0, };
  SpMetricsFilter filter;
  SpMetricsKpis k;

  kpi_workspace (&ws);

  filter = period ("2026-03-01", "2026-03-31", 1, 0);
  k = kpis_of (&ws, &filter);
  g_assert_cmpint (k.effective_leads, ==, 1);
  g_assert_cmpint (k.effective_opportunities, ==, 1);
  assert_rate (k.win_rate, 2, 2);
  assert_rate (k.win_cycle, 45, 2);

  /* South: only 4 (lost) closes in March — all lost is 0/1, not undefined. */
  filter = period ("2026-03-01", "2026-03-31", 0, 2);
  k = kpis_of (&ws, &filter);
  g_assert_cmpint (k.effective_leads, ==, 1);
  g_assert_cmpint (k.effective_opportunities, ==, 1);
  assert_rate (k.win_rate, 0, 1);
  assert_undefined (k.win_cycle);
  g_assert_false (k.average_deal_size.defined);
  g_assert_cmpint (k.average_deal_size.value, ==, 0);
  assert_undefined (k.collection_rate);
  g_assert_true (isnan (sp_metrics_rate_to_double (k.collection_rate)));
  g_assert_cmpfloat (sp_metrics_rate_to_double (k.win_rate), ==, 0.0);

  /* Rep 1 in South: nothing. */
  filter = period ("2026-03-01", "2026-03-31", 1, 2);
  k = kpis_of (&ws, &filter);
  g_assert_cmpint (k.effective_leads, ==, 0);
  assert_undefined (k.win_rate);

  /* Won in May but nothing invoiced: the collection rate is undefined, not 0. */
  filter = period ("2026-05-01", "2026-05-31", 0, 0);
  k = kpis_of (&ws, &filter);
  g_assert_cmpint (k.won, ==, 1);
  g_assert_cmpint (k.average_deal_size.value, ==, 7000);
  assert_rate (k.win_rate, 1, 1);
  assert_undefined (k.collection_rate);

  workspace_close (&ws);
}

static void
test_kpis_empty (void)
{
  Workspace ws = { 0, };
  SpMetricsFilter filter;
  SpMetricsKpis k;

  kpi_workspace (&ws);
  filter = period ("2000-01-01", "2000-12-31", 0, 0);
  k = kpis_of (&ws, &filter);
  g_assert_cmpint (k.effective_leads, ==, 0);
  g_assert_cmpint (k.effective_opportunities, ==, 0);
  g_assert_cmpint (k.won + k.lost + k.won_amount + k.invoiced + k.collected, ==, 0);
  assert_undefined (k.win_rate);
  assert_undefined (k.win_cycle);
  assert_undefined (k.collection_rate);
  g_assert_false (k.average_deal_size.defined);
  workspace_close (&ws);

  /* A workspace with no stages and no opportunities at all. */
  workspace_open (&ws);
  k = kpis_of (&ws, &filter);
  g_assert_cmpint (k.effective_leads, ==, 0);
  assert_undefined (k.win_rate);
  workspace_close (&ws);
}

static void
test_bad_filter (void)
{
  Workspace ws = { 0, };
  g_autoptr(GError) error = NULL;
  SpMetricsFilter filter;
  SpMetricsKpis k;
  GDate from, to;

  g_assert_false (sp_metrics_filter_init_iso (&filter, "2026-02-30", "2026-03-01", &error));
  g_assert_error (error, SP_METRICS_ERROR, SP_METRICS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);
  g_assert_false (sp_metrics_filter_init_iso (&filter, "2026-03-02", "2026-03-01", &error));
  g_assert_error (error, SP_METRICS_ERROR, SP_METRICS_ERROR_INVALID);
  g_clear_error (&error);

  workspace_open (&ws);
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 2, G_DATE_MARCH, 2026);
  g_date_set_dmy (&to, 1, G_DATE_MARCH, 2026);
  sp_metrics_filter_init (&filter, &from, &to);
  g_assert_false (sp_metrics_get_kpis (ws.store, &filter, &k, &error));
  g_assert_error (error, SP_METRICS_ERROR, SP_METRICS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sp_metrics_get_funnel (ws.store, &filter, NULL, &error));
  g_assert_error (error, SP_METRICS_ERROR, SP_METRICS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sp_metrics_get_revenue_series (ws.store, &filter, SP_METRICS_STEP_DAY, &error));
  g_assert_error (error, SP_METRICS_ERROR, SP_METRICS_ERROR_INVALID);
  workspace_close (&ws);
}

/* The funnel */

/* Period March 2026. Stage on 31 March and what each opportunity reached in March (p, q, m
 * are the furthest ranks before, by the end of, and after the period):
 *  1 A: Lead 02-20, Qualified 03-05, Proposal 03-12, Won 04-10 → open, Proposal; reached 1, 2
 *  2 B: Lead 03-02, Proposal 03-09, Lost 03-25 → closed; reached 0, 1 (skipped), 2
 *  3 C: Lead 03-10, Qualified 03-20 → open, Qualified; reached 0, 1
 *  4 D: Lead 01-05, Qualified 01-20, Negotiation 02-10, Won 03-15 → closed; reached 4
 *  5 E: Lead 03-31 → open, Lead; reached 0; no expected close
 *  6 F: Lead 04-01 → not yet created
 *  7 G: Lead 02-01, Negotiation 02-15 → open, Negotiation
 *  8 H: Lead 03-03, Qualified 03-04, back to Lead 03-06 → open, Lead; reached 0, 1
 *  9 I: Lead 02-02, Negotiation 02-16 → open, Negotiation
 * 10 J: Lead and Qualified on 03-10 (same day) → open, Qualified; reached 0, 1 */
static const char funnel_sql[] =
  "INSERT INTO opportunity (id, rep_id, stage_id, amount, created_on, expected_close,"
  " closed_on) VALUES"
  " (1, 1, 5, 10000, '2026-02-20', '2026-04-15', '2026-04-10'),"
  " (2, 1, 6, 20001, '2026-03-02', '2026-04-30', '2026-03-25'),"
  " (3, 2, 2, 33333, '2026-03-10', '2026-05-05', NULL),"
  " (4, 3, 5, 1449, '2026-01-05', '2026-03-01', '2026-03-15'),"
  " (5, 3, 1, 4002, '2026-03-31', NULL, NULL),"
  " (6, 2, 1, 7550, '2026-04-01', '2026-06-01', NULL),"
  " (7, 1, 4, 1050, '2026-02-01', '2026-04-20', NULL),"
  " (8, 2, 1, 999, '2026-03-03', '2026-04-02', NULL),"
  " (9, 2, 4, 1050, '2026-02-02', '2026-04-21', NULL),"
  " (10, 3, 2, 500, '2026-03-10', '2026-05-31', NULL);"
  "INSERT INTO opportunity_stage_history (opportunity_id, stage_id, entered_on) VALUES"
  " (1, 1, '2026-02-20'), (1, 2, '2026-03-05'), (1, 3, '2026-03-12'), (1, 5, '2026-04-10'),"
  " (2, 1, '2026-03-02'), (2, 3, '2026-03-09'), (2, 6, '2026-03-25'),"
  " (3, 1, '2026-03-10'), (3, 2, '2026-03-20'),"
  " (4, 1, '2026-01-05'), (4, 2, '2026-01-20'), (4, 4, '2026-02-10'), (4, 5, '2026-03-15'),"
  " (5, 1, '2026-03-31'),"
  " (6, 1, '2026-04-01'),"
  " (7, 1, '2026-02-01'), (7, 4, '2026-02-15'),"
  " (8, 1, '2026-03-03'), (8, 2, '2026-03-04'), (8, 1, '2026-03-06'),"
  " (9, 1, '2026-02-02'), (9, 4, '2026-02-16'),"
  " (10, 1, '2026-03-10'), (10, 2, '2026-03-10');";

static SpMetricsFunnel *
funnel_of (Workspace             *ws,
           const SpMetricsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  SpMetricsFunnel *funnel = sp_metrics_get_funnel (ws->store, filter, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (funnel);
  return funnel;
}

static void
assert_stage (const SpMetricsStage *stage,
              const char           *name,
              gint64                count,
              gint64                amount,
              gint64                weighted)
{
  g_assert_cmpstr (stage->name, ==, name);
  g_assert_cmpint (stage->open_count, ==, count);
  g_assert_cmpint (stage->open_amount, ==, amount);
  g_assert_cmpint (stage->weighted_amount, ==, weighted);
}

static void
assert_forecast (const SpMetricsForecastMonth *month,
                 int                           year,
                 int                           number,
                 gint64                        count,
                 gint64                        amount,
                 gint64                        weighted)
{
  g_assert_cmpint (month->year, ==, year);
  g_assert_cmpint (month->month, ==, number);
  g_assert_cmpint (month->count, ==, count);
  g_assert_cmpint (month->amount, ==, amount);
  g_assert_cmpint (month->weighted, ==, weighted);
}

static void
test_funnel_team (void)
{
  Workspace ws = { 0, };
  g_autoptr(SpMetricsFunnel) f = NULL;
  SpMetricsFilter filter;

  workspace_open (&ws);
  exec_sql (&ws, base_sql);
  exec_sql (&ws, funnel_sql);
  filter = period ("2026-03-01", "2026-03-31", 0, 0);
  f = funnel_of (&ws, &filter);

  g_assert_cmpuint (f->n_stages, ==, 5);
  /* Weighted per opportunity, half up: E 400.2 → 400, H 99.9 → 100, C 8333.25 → 8333,
   * J 125, A 5000, G and I 787.5 → 788 each (1575 if rounded after summing). */
  assert_stage (&f->stages[0], "Lead", 2, 5001, 500);
  assert_stage (&f->stages[1], "Qualified", 2, 33833, 8458);
  assert_stage (&f->stages[2], "Proposal", 1, 10000, 5000);
  assert_stage (&f->stages[3], "Negotiation", 2, 2100, 1576);
  assert_stage (&f->stages[4], "Won", 0, 0, 0);
  g_assert_true (f->stages[4].won);
  g_assert_false (f->stages[3].won);
  g_assert_cmpint (f->stages[3].probability_pct, ==, 75);
  g_assert_cmpint (f->open_count, ==, 7);
  g_assert_cmpint (f->open_amount, ==, 50934);
  g_assert_cmpint (f->weighted_amount, ==, 15534);

  /* Reached in March, and of those went further. */
  g_assert_cmpint (f->stages[0].reached, ==, 5);
  assert_rate (f->stages[0].conversion, 4, 5);        /* B, C, H, J of B, C, E, H, J */
  assert_rate (f->stages[1].conversion, 2, 5);        /* A, B of A, B, C, H, J */
  assert_rate (f->stages[2].conversion, 1, 2);        /* A of A, B */
  assert_undefined (f->stages[3].conversion);         /* nobody reached Negotiation */
  g_assert_cmpint (f->stages[4].reached, ==, 1);      /* D */
  assert_undefined (f->stages[4].conversion);
  g_assert_cmpint (f->reached_first, ==, 5);
  g_assert_cmpint (f->won_of_first, ==, 0);
  assert_rate (f->overall_conversion, 0, 5);

  /* Stays ended in March: Lead A 13, B 7, C 10, H 1, J 0; Qualified A 7, H 2; Proposal B 16;
   * Negotiation D 33. */
  assert_rate (f->stages[0].days_in_stage, 31, 5);
  assert_rate (f->stages[1].days_in_stage, 9, 2);
  assert_rate (f->stages[2].days_in_stage, 16, 1);
  assert_rate (f->stages[3].days_in_stage, 33, 1);
  assert_undefined (f->stages[4].days_in_stage);

  /* By expected close: none first, then April (A, G, H, I), May (C, J). */
  g_assert_cmpuint (f->n_forecast, ==, 3);
  assert_forecast (&f->forecast[0], 0, 0, 1, 4002, 400);
  assert_forecast (&f->forecast[1], 2026, 4, 4, 13099, 6676);
  assert_forecast (&f->forecast[2], 2026, 5, 2, 33833, 8458);

  /* D won (69 days, 1449), B lost: 7 × 1 × 1449 / (2 × 69) = 73.5 → 74. */
  g_assert_true (f->sales_velocity.defined);
  g_assert_cmpint (f->sales_velocity.value, ==, 74);

  workspace_close (&ws);
}

static void
test_funnel_filters (void)
{
  Workspace ws = { 0, };
  SpMetricsFilter filter;

  workspace_open (&ws);
  exec_sql (&ws, base_sql);
  exec_sql (&ws, funnel_sql);

  /* South: D, E, J. */
  {
    g_autoptr(SpMetricsFunnel) f = NULL;

    filter = period ("2026-03-01", "2026-03-31", 0, 2);
    f = funnel_of (&ws, &filter);
    g_assert_cmpint (f->open_count, ==, 2);
    assert_stage (&f->stages[0], "Lead", 1, 4002, 400);
    assert_stage (&f->stages[1], "Qualified", 1, 500, 125);
    assert_rate (f->stages[0].conversion, 1, 2);
    assert_rate (f->stages[1].conversion, 0, 1);
    g_assert_cmpint (f->stages[4].reached, ==, 1);
    assert_rate (f->stages[0].days_in_stage, 0, 1);
    assert_rate (f->stages[3].days_in_stage, 33, 1);
    /* 2 × 1 × 1449 / (1 × 69) = 42 */
    g_assert_cmpint (f->sales_velocity.value, ==, 42);
  }

  /* Rep 1: A, B, G. */
  {
    g_autoptr(SpMetricsFunnel) f = NULL;

    filter = period ("2026-03-01", "2026-03-31", 1, 0);
    f = funnel_of (&ws, &filter);
    g_assert_cmpint (f->open_count, ==, 2);
    assert_stage (&f->stages[2], "Proposal", 1, 10000, 5000);
    assert_stage (&f->stages[3], "Negotiation", 1, 1050, 788);
    assert_rate (f->stages[0].conversion, 1, 1);
    assert_rate (f->stages[1].conversion, 2, 2);
    assert_rate (f->stages[2].conversion, 1, 2);
    assert_rate (f->overall_conversion, 0, 1);
    /* Nothing won by rep 1 in March: no velocity. */
    g_assert_false (f->sales_velocity.defined);
  }

  /* The same workspace on 12 April: A is won, F is open. */
  {
    g_autoptr(SpMetricsFunnel) f = NULL;

    filter = period ("2026-04-01", "2026-04-12", 0, 0);
    f = funnel_of (&ws, &filter);
    g_assert_cmpint (f->open_count, ==, 7);
    g_assert_cmpint (f->stages[2].open_count, ==, 0);
    g_assert_cmpint (f->stages[0].open_count, ==, 3);
    g_assert_cmpint (f->stages[4].reached, ==, 1);
    assert_rate (f->overall_conversion, 0, 1);
    assert_rate (f->stages[2].days_in_stage, 29, 1);
  }

  workspace_close (&ws);
}

static void
test_funnel_empty (void)
{
  Workspace ws = { 0, };
  SpMetricsFilter filter = period ("2000-01-01", "2000-01-31", 0, 0);

  workspace_open (&ws);
  exec_sql (&ws, base_sql);
  exec_sql (&ws, funnel_sql);
  {
    g_autoptr(SpMetricsFunnel) f = funnel_of (&ws, &filter);

    g_assert_cmpuint (f->n_stages, ==, 5);
    g_assert_cmpint (f->open_count, ==, 0);
    g_assert_cmpuint (f->n_forecast, ==, 0);
    for (guint i = 0; i < f->n_stages; i++)
      {
        g_assert_cmpint (f->stages[i].reached, ==, 0);
        assert_undefined (f->stages[i].conversion);
        assert_undefined (f->stages[i].days_in_stage);
      }
    assert_undefined (f->overall_conversion);
    g_assert_false (f->sales_velocity.defined);
  }
  workspace_close (&ws);

  /* No stages at all. */
  workspace_open (&ws);
  {
    g_autoptr(SpMetricsFunnel) f = funnel_of (&ws, &filter);

    g_assert_cmpuint (f->n_stages, ==, 0);
    assert_undefined (f->overall_conversion);
  }
  workspace_close (&ws);
}

static void
test_velocity_rounding (void)
{
  SpMetricsKpis k = { 0, };
  SpMetricsAmount v;

  /* 3 × 2 × 5 / (3 × 4) = 2.5 → 3 */
  k.won = 2;
  k.lost = 1;
  k.won_amount = 5;
  k.win_days = 4;
  v = sp_metrics_compute_velocity (3, &k);
  g_assert_true (v.defined);
  g_assert_cmpint (v.value, ==, 3);

  /* 1 × 1 × 1 / (1 × 2) = 0.5 → 1; 1 × 1 × 1 / (1 × 3) → 0 */
  k.won = 1;
  k.lost = 0;
  k.won_amount = 1;
  k.win_days = 2;
  v = sp_metrics_compute_velocity (1, &k);
  g_assert_cmpint (v.value, ==, 1);
  k.win_days = 3;
  v = sp_metrics_compute_velocity (1, &k);
  g_assert_true (v.defined);
  g_assert_cmpint (v.value, ==, 0);

  /* No open opportunities: 0 per day, defined. */
  v = sp_metrics_compute_velocity (0, &k);
  g_assert_true (v.defined);
  g_assert_cmpint (v.value, ==, 0);

  /* A win cycle of 0 days, or nothing won: undefined. */
  k.win_days = 0;
  v = sp_metrics_compute_velocity (5, &k);
  g_assert_false (v.defined);
  k.win_days = 10;
  k.won = 0;
  k.lost = 3;
  v = sp_metrics_compute_velocity (5, &k);
  g_assert_false (v.defined);

  /* Exact over the whole range, no intermediate rounding: 1e12 × 1e6 × 1e12 / (2e6 × 3) */
  k.won = 1000000;
  k.lost = 1000000;
  k.won_amount = G_GINT64_CONSTANT (1000000000000);
  k.win_days = 3;
  v = sp_metrics_compute_velocity (G_GINT64_CONSTANT (1000000000000), &k);
  g_assert_false (v.defined);   /* 1.67e23 does not fit in gint64 */
  v = sp_metrics_compute_velocity (7, &k);
  g_assert_true (v.defined);
  g_assert_cmpint (v.value, ==, G_GINT64_CONSTANT (1166666666667));
}

/* Attainment */

static const char plan_sql[] =
  /* FY2025: 1,000,000 and no cells. FY2026: 1,000,000 with team month cells for March and
   * April, month cells for rep 1 and region 1, a year cell for rep 2, nothing for rep 3. */
  "INSERT INTO plan (id, fiscal_year, team, target) VALUES (1, 2025, '', 1000000),"
  " (2, 2026, '', 1000000);"
  "INSERT INTO breakdown_cell (plan_id, period_kind, period_start, dimension, member_id, amount)"
  " VALUES (2, 'month', '2026-03-01', 'team', 0, 90000),"
  " (2, 'month', '2026-04-01', 'team', 0, 120000),"
  " (2, 'year', '2026-01-01', 'team', 0, 1000000),"
  " (2, 'month', '2026-03-01', 'rep', 1, 30001),"
  " (2, 'month', '2026-03-01', 'rep', 4, 30000),"
  " (2, 'year', '2026-01-01', 'rep', 2, 365000),"
  " (2, 'month', '2026-03-01', 'region', 1, 50000),"
  " (2, 'quarter', '2026-01-01', 'rep', 3, 1000);"
  "INSERT INTO worklog_entry (rep_id, day, prospects, appointments, presentations,"
  " objections, closes, orders, revenue) VALUES"
  " (1, '2026-02-28', 0, 0, 0, 0, 0, 0, 1),"
  " (1, '2026-03-01', 10, 4, 3, 0, 0, 1, 10000),"
  " (1, '2026-03-31', 0, 0, 0, 0, 0, 1, 5000),"
  " (1, '2026-04-01', 0, 0, 0, 0, 0, 1, 7000),"
  " (2, '2026-03-15', 5, 2, 0, 0, 0, 2, 20000),"
  " (3, '2026-03-10', 0, 0, 0, 0, 0, 1, 3000),"
  " (4, '2026-03-20', 0, 0, 0, 0, 0, 1, 15000),"
  " (7, '2026-03-05', 0, 0, 0, 0, 0, 0, 100),"
  " (2, '2025-03-10', 0, 0, 0, 0, 0, 0, 40000);"
  "INSERT INTO opportunity (rep_id, stage_id, amount, created_on, closed_on) VALUES"
  " (1, 5, 12345, '2026-02-01', '2026-03-09');";

static SpMetricsAttainment
attainment_of (Workspace            *ws,
               const char           *from,
               const char           *to,
               gint64                rep_id,
               gint64                region_id,
               SpMetricsActualBasis  basis)
{
  g_autoptr(GError) error = NULL;
  SpMetricsFilter filter = period (from, to, rep_id, region_id);
  SpMetricsAttainment a;

  g_assert_true (sp_metrics_get_attainment (ws->store, &filter, basis, &a, &error));
  g_assert_no_error (error);
  return a;
}

static void
test_attainment (void)
{
  Workspace ws = { 0, };
  const SpMetricsActualBasis log = SP_METRICS_ACTUAL_WORKLOG_REVENUE;
  SpMetricsAttainment a;

  workspace_open (&ws);
  exec_sql (&ws, base_sql);
  exec_sql (&ws, plan_sql);

  /* Team, March: the month cell; actual 10000 + 5000 + 20000 + 3000 + 15000 + 100. */
  a = attainment_of (&ws, "2026-03-01", "2026-03-31", 0, 0, log);
  g_assert_cmpint (a.actual, ==, 53100);
  g_assert_cmpint (a.target, ==, 90000);
  assert_rate (a.attainment, 53100, 90000);
  a = attainment_of (&ws, "2026-03-01", "2026-03-31", 0, 0, SP_METRICS_ACTUAL_WON_AMOUNT);
  g_assert_cmpint (a.actual, ==, 12345);
  assert_rate (a.attainment, 12345, 90000);

  /* Half months: 90000 × 16/31 = 46451.6 → 46452, 120000 × 15/30 = 60000. */
  a = attainment_of (&ws, "2026-03-16", "2026-04-15", 0, 0, log);
  g_assert_cmpint (a.target, ==, 106452);
  g_assert_cmpint (a.actual, ==, 5000 + 7000 + 15000);

  /* With month cells only they count: the whole year is March + April. */
  a = attainment_of (&ws, "2026-01-01", "2026-12-31", 0, 0, log);
  g_assert_cmpint (a.target, ==, 210000);

  /* No cells in FY2025: the plan's target by days, 1000000 × 31/365 = 84931.5 → 84932. */
  a = attainment_of (&ws, "2025-03-01", "2025-03-31", 0, 0, log);
  g_assert_cmpint (a.target, ==, 84932);
  assert_rate (a.attainment, 40000, 84932);
  a = attainment_of (&ws, "2025-01-01", "2025-12-31", 0, 0, log);
  g_assert_cmpint (a.target, ==, 1000000);
  /* Across years: 15 days of FY2025 (41095.9 → 41096) and January 2026 (no cell: 0). */
  a = attainment_of (&ws, "2025-12-17", "2026-01-15", 0, 0, log);
  g_assert_cmpint (a.target, ==, 41096);

  /* Reps: month cell; year cell by days (365000 × 31/365); no cell (a quarter cell is not
   * used) gives no target. */
  a = attainment_of (&ws, "2026-03-01", "2026-03-31", 1, 0, log);
  g_assert_cmpint (a.actual, ==, 15000);
  assert_rate (a.attainment, 15000, 30001);
  a = attainment_of (&ws, "2026-03-01", "2026-03-31", 2, 0, log);
  assert_rate (a.attainment, 20000, 31000);
  a = attainment_of (&ws, "2026-03-01", "2026-03-31", 3, 0, log);
  g_assert_cmpint (a.actual, ==, 3000);
  g_assert_cmpint (a.target, ==, 0);
  assert_undefined (a.attainment);

  /* Region 1: its month cell; region 2 has none. A rep outside the region: nothing. */
  a = attainment_of (&ws, "2026-03-01", "2026-03-31", 0, 1, log);
  assert_rate (a.attainment, 35000, 50000);
  a = attainment_of (&ws, "2026-03-01", "2026-03-31", 0, 2, log);
  g_assert_cmpint (a.actual, ==, 18000);
  assert_undefined (a.attainment);
  a = attainment_of (&ws, "2026-03-01", "2026-03-31", 1, 2, log);
  g_assert_cmpint (a.actual, ==, 0);
  assert_undefined (a.attainment);
  a = attainment_of (&ws, "2026-03-01", "2026-03-31", 1, 1, log);
  assert_rate (a.attainment, 15000, 30001);

  /* No plan at all. */
  a = attainment_of (&ws, "2000-01-01", "2000-12-31", 0, 0, log);
  g_assert_cmpint (a.actual, ==, 0);
  assert_undefined (a.attainment);

  workspace_close (&ws);
}

static void
test_attainment_fiscal_year (void)
{
  Workspace ws = { 0, };
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(GError) error = NULL;
  SpMetricsAttainment a;

  workspace_open (&ws);
  exec_sql (&ws, base_sql);
  /* FY2025 runs from April 2025 to March 2026 (365 days). */
  exec_sql (&ws, "INSERT INTO plan (fiscal_year, target) VALUES (2025, 730000);");
  preferences = sp_preferences_new (ws.store);
  g_assert_true (sp_preferences_set_fiscal_start_month (preferences, G_DATE_APRIL, &error));
  g_assert_no_error (error);

  a = attainment_of (&ws, "2026-03-01", "2026-03-31", 0, 0, SP_METRICS_ACTUAL_WORKLOG_REVENUE);
  g_assert_cmpint (a.target, ==, 62000);
  a = attainment_of (&ws, "2026-03-01", "2026-04-30", 0, 0, SP_METRICS_ACTUAL_WORKLOG_REVENUE);
  g_assert_cmpint (a.target, ==, 62000);

  workspace_close (&ws);
}

static void
test_activity (void)
{
  Workspace ws = { 0, };
  g_autoptr(GError) error = NULL;
  SpMetricsFilter filter = period ("2026-03-01", "2026-03-31", 0, 0);
  SpMetricsActivity act;

  workspace_open (&ws);
  exec_sql (&ws, base_sql);
  exec_sql (&ws, plan_sql);

  g_assert_true (sp_metrics_get_activity (ws.store, &filter, &act, &error));
  g_assert_no_error (error);
  g_assert_cmpint (act.sums[SP_WORKLOAD_PROSPECTS], ==, 15);
  g_assert_cmpint (act.sums[SP_WORKLOAD_APPOINTMENTS], ==, 6);
  g_assert_cmpint (act.sums[SP_WORKLOAD_PRESENTATIONS], ==, 3);
  g_assert_cmpint (act.sums[SP_WORKLOAD_OBJECTIONS], ==, 0);
  g_assert_cmpint (act.sums[SP_WORKLOAD_CLOSES], ==, 0);
  assert_rate (act.rates[0], 6, 15);
  assert_rate (act.rates[1], 3, 6);
  assert_rate (act.rates[2], 0, 3);
  assert_undefined (act.rates[3]);
  g_assert_cmpint (act.orders, ==, 6);
  g_assert_cmpint (act.revenue, ==, 53100);

  filter = period ("2026-03-01", "2026-03-31", 2, 0);
  g_assert_true (sp_metrics_get_activity (ws.store, &filter, &act, &error));
  g_assert_cmpint (act.sums[SP_WORKLOAD_PROSPECTS], ==, 5);
  assert_rate (act.rates[0], 2, 5);
  assert_rate (act.rates[1], 0, 2);
  assert_undefined (act.rates[2]);

  filter = period ("2000-03-01", "2000-03-31", 0, 0);
  g_assert_true (sp_metrics_get_activity (ws.store, &filter, &act, &error));
  g_assert_cmpint (act.revenue, ==, 0);
  for (guint i = 0; i < SP_WORKLOAD_N_RATES; i++)
    assert_undefined (act.rates[i]);

  workspace_close (&ws);
}

/* Series */

static void
assert_point (GArray     *points,
              guint       i,
              const char *start,
              gint64      value,
              gint64      cumulative)
{
  const SpMetricsPoint *point = &g_array_index (points, SpMetricsPoint, i);
  g_autofree char *iso = sp_date_format_iso (&point->start);

  g_assert_cmpstr (iso, ==, start);
  g_assert_cmpint (point->value, ==, value);
  g_assert_cmpint (point->cumulative, ==, cumulative);
}

static void
test_revenue_series (void)
{
  Workspace ws = { 0, };
  g_autoptr(GError) error = NULL;
  SpMetricsFilter filter = period ("2026-03-01", "2026-03-31", 0, 0);
  GArray *points;

  workspace_open (&ws);
  exec_sql (&ws, base_sql);
  exec_sql (&ws, plan_sql);

  points = sp_metrics_get_revenue_series (ws.store, &filter, SP_METRICS_STEP_DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 31);
  assert_point (points, 0, "2026-03-01", 10000, 10000);
  assert_point (points, 1, "2026-03-02", 0, 10000);
  assert_point (points, 4, "2026-03-05", 100, 10100);
  assert_point (points, 30, "2026-03-31", 5000, 53100);
  g_array_unref (points);

  /* 1 March 2026 is a Sunday: the first week starts on Monday 23 February. */
  points = sp_metrics_get_revenue_series (ws.store, &filter, SP_METRICS_STEP_WEEK, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 6);
  assert_point (points, 0, "2026-02-23", 10000, 10000);
  assert_point (points, 1, "2026-03-02", 100, 10100);
  assert_point (points, 2, "2026-03-09", 23000, 33100);
  assert_point (points, 3, "2026-03-16", 15000, 48100);
  assert_point (points, 4, "2026-03-23", 0, 48100);
  assert_point (points, 5, "2026-03-30", 5000, 53100);
  g_array_unref (points);

  filter = period ("2026-02-15", "2026-04-10", 0, 2);
  points = sp_metrics_get_revenue_series (ws.store, &filter, SP_METRICS_STEP_MONTH, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 3);
  assert_point (points, 0, "2026-02-01", 0, 0);
  assert_point (points, 1, "2026-03-01", 18000, 18000);
  assert_point (points, 2, "2026-04-01", 0, 18000);
  g_array_unref (points);

  filter = period ("2000-01-01", "2000-01-03", 0, 0);
  points = sp_metrics_get_revenue_series (ws.store, &filter, SP_METRICS_STEP_DAY, &error);
  g_assert_cmpuint (points->len, ==, 3);
  assert_point (points, 2, "2000-01-03", 0, 0);
  g_array_unref (points);

  workspace_close (&ws);
}

static void
assert_entry (GPtrArray  *ranking,
              guint       i,
              guint       rank,
              const char *name,
              gint64      actual,
              gint64      target)
{
  const SpMetricsRankEntry *entry = g_ptr_array_index (ranking, i);

  g_assert_cmpuint (entry->rank, ==, rank);
  g_assert_cmpstr (entry->name, ==, name);
  g_assert_cmpint (entry->actual, ==, actual);
  g_assert_cmpint (entry->target, ==, target);
}

static void
test_ranking (void)
{
  Workspace ws = { 0, };
  g_autoptr(GError) error = NULL;
  SpMetricsFilter filter = period ("2026-03-01", "2026-03-31", 0, 0);
  GPtrArray *ranking;

  workspace_open (&ws);
  exec_sql (&ws, base_sql);
  exec_sql (&ws, plan_sql);

  /* Eve left in February, Fay joins in April: not listed. Ann and Dan tie. */
  ranking = sp_metrics_get_ranking (ws.store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                    SP_METRICS_RANK_BY_ACTUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 5);
  assert_entry (ranking, 0, 1, "Bob", 20000, 31000);
  assert_entry (ranking, 1, 2, "Ann", 15000, 30001);
  assert_entry (ranking, 2, 2, "Dan", 15000, 30000);
  assert_entry (ranking, 3, 4, "Cai", 3000, 0);
  assert_entry (ranking, 4, 5, "Gus", 100, 0);
  g_ptr_array_unref (ranking);

  /* By attainment: Bob 20000/31000, Dan 15000/30000, Ann 15000/30001, then no target. */
  ranking = sp_metrics_get_ranking (ws.store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                    SP_METRICS_RANK_BY_ATTAINMENT, &error);
  g_assert_no_error (error);
  assert_entry (ranking, 0, 1, "Bob", 20000, 31000);
  assert_entry (ranking, 1, 2, "Dan", 15000, 30000);
  assert_entry (ranking, 2, 3, "Ann", 15000, 30001);
  assert_entry (ranking, 3, 4, "Cai", 3000, 0);
  assert_undefined (((SpMetricsRankEntry *) g_ptr_array_index (ranking, 3))->attainment);
  assert_entry (ranking, 4, 5, "Gus", 100, 0);
  g_ptr_array_unref (ranking);

  /* Ties go by name (DOMAIN §9), not by who was entered first: Ann renamed Zoe follows Dan. */
  exec_sql (&ws, "UPDATE rep SET name = 'Zoe' WHERE name = 'Ann';");
  ranking = sp_metrics_get_ranking (ws.store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                    SP_METRICS_RANK_BY_ACTUAL, &error);
  g_assert_no_error (error);
  assert_entry (ranking, 1, 2, "Dan", 15000, 30000);
  assert_entry (ranking, 2, 2, "Zoe", 15000, 30001);
  g_ptr_array_unref (ranking);
  exec_sql (&ws, "UPDATE rep SET name = 'Ann' WHERE name = 'Zoe';");

  /* Region 2, won amounts: nobody won, both listed at 0 and sharing the rank. */
  filter = period ("2026-03-01", "2026-03-31", 0, 2);
  ranking = sp_metrics_get_ranking (ws.store, &filter, SP_METRICS_ACTUAL_WON_AMOUNT,
                                    SP_METRICS_RANK_BY_ACTUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 2);
  assert_entry (ranking, 0, 1, "Cai", 0, 0);
  assert_entry (ranking, 1, 1, "Dan", 0, 30000);
  g_ptr_array_unref (ranking);

  filter = period ("2026-03-01", "2026-03-31", 1, 0);
  ranking = sp_metrics_get_ranking (ws.store, &filter, SP_METRICS_ACTUAL_WON_AMOUNT,
                                    SP_METRICS_RANK_BY_ATTAINMENT, &error);
  g_assert_cmpuint (ranking->len, ==, 1);
  assert_entry (ranking, 0, 1, "Ann", 12345, 30001);
  g_ptr_array_unref (ranking);

  workspace_close (&ws);
}

static void
test_heatmap (void)
{
  Workspace ws = { 0, };
  g_autoptr(GError) error = NULL;
  SpMetricsFilter filter = period ("2026-02-15", "2026-04-10", 0, 0);

  workspace_open (&ws);
  exec_sql (&ws, base_sql);
  exec_sql (&ws, plan_sql);

  {
    g_autoptr(SpMetricsHeatmap) h = sp_metrics_get_region_heatmap (ws.store, &filter, &error);
    g_autofree char *first = NULL;
    static const gint64 expected[] = { 1, 35000, 7000, 0, 18000, 0, 0, 100, 0 };

    g_assert_no_error (error);
    g_assert_cmpuint (h->n_regions, ==, 3);
    g_assert_cmpuint (h->n_months, ==, 3);
    g_assert_cmpstr (h->region_names[0], ==, "North");
    g_assert_cmpstr (h->region_names[1], ==, "South");
    g_assert_cmpint (h->region_ids[2], ==, 0);
    first = sp_date_format_iso (&h->months[0]);
    g_assert_cmpstr (first, ==, "2026-02-01");
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpint (h->values[i], ==, expected[i]);
    g_assert_cmpint (h->max, ==, 35000);
  }

  filter.region_id = 2;
  {
    g_autoptr(SpMetricsHeatmap) h = sp_metrics_get_region_heatmap (ws.store, &filter, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (h->n_regions, ==, 1);
    g_assert_cmpint (h->values[1], ==, 18000);
  }

  filter = period ("2000-01-01", "2000-01-31", 0, 0);
  {
    g_autoptr(SpMetricsHeatmap) h = sp_metrics_get_region_heatmap (ws.store, &filter, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (h->n_regions, ==, 2);
    g_assert_cmpuint (h->n_months, ==, 1);
    g_assert_cmpint (h->max, ==, 0);
  }

  workspace_close (&ws);
}

static void
test_texts (void)
{
  for (guint i = 0; i < SP_METRIC_N_KINDS; i++)
    {
      const char *name = sp_metric_get_name (i);
      const char *definition = sp_metric_get_definition (i);

      g_assert_nonnull (name);
      g_assert_cmpuint (strlen (name), >, 0);
      g_assert_nonnull (definition);
      g_assert_true (g_str_has_suffix (definition, "."));
    }

  g_assert_cmpstr (sp_metric_get_name (SP_METRIC_WIN_RATE), ==, "Win rate");
  g_assert_nonnull (strstr (sp_metric_get_definition (SP_METRIC_EFFECTIVE_OPPORTUNITIES), "25%"));
  g_assert_nonnull (sp_metric_get_undefined_reason (SP_METRIC_WIN_RATE));
  g_assert_null (sp_metric_get_undefined_reason (SP_METRIC_EFFECTIVE_LEADS));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/metrics/kpis/team", test_kpis_team);
  g_test_add_func ("/metrics/kpis/filters", test_kpis_filters);
  g_test_add_func ("/metrics/kpis/empty", test_kpis_empty);
  g_test_add_func ("/metrics/filter/invalid", test_bad_filter);
  g_test_add_func ("/metrics/funnel/team", test_funnel_team);
  g_test_add_func ("/metrics/funnel/filters", test_funnel_filters);
  g_test_add_func ("/metrics/funnel/empty", test_funnel_empty);
  g_test_add_func ("/metrics/velocity/rounding", test_velocity_rounding);
  g_test_add_func ("/metrics/attainment/targets", test_attainment);
  g_test_add_func ("/metrics/attainment/fiscal-year", test_attainment_fiscal_year);
  g_test_add_func ("/metrics/activity", test_activity);
  g_test_add_func ("/metrics/series/revenue", test_revenue_series);
  g_test_add_func ("/metrics/ranking", test_ranking);
  g_test_add_func ("/metrics/heatmap", test_heatmap);
  g_test_add_func ("/metrics/texts", test_texts);

  return g_test_run ();
}

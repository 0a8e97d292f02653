/* sp-demo-private.h — what the demo generator's files share: its state, its random stream
 * and its row writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-demo.h"
#include "sp-store-private.h"

G_BEGIN_DECLS

#define SP_DEMO_N_PRODUCTS 4
#define SP_DEMO_N_TYPES    3
#define SP_DEMO_YUAN       G_GINT64_CONSTANT (100)

typedef struct
{
  guint    n_regions;
  guint    reps_per_region;
  guint    years;
  guint    customers_per_region;
  guint    opportunities;
  gboolean weekly_history;   /* one history row per rep, week, product and customer type */
} SpDemoShape;

typedef struct
{
  const char *name;
  const char *category;
  gint64      average;       /* minor units */
} SpDemoProduct;

typedef struct
{
  char    iso[11];
  guint8  weekday;
  guint8  month;
  guint8  working;
  guint8  month_end;         /* one of the last six days of its month */
  guint16 year;
} SpDemoDay;

typedef struct
{
  gint64  id;
  guint8  klass;             /* index into the customer classes */
  guint8  type;
  guint8  core;              /* index into sp_demo_customer_cores */
  guint8  bought;
  char    ref[8];
  guint32 since_jd;          /* buys from this day on; prospects convert over the years */
} SpDemoCustomer;

typedef struct
{
  gint64  id;
  guint   region;
  guint32 hired_jd;
  guint32 away_until;        /* sick or on leave up to this day */
  int     activity_pm;       /* temperament, per mille of the average rep */
  int     close_pm;
  gint64  receivable;
  gint64  last_year;         /* revenue in the fiscal year before today's */
  gint64  bucket[SP_DEMO_N_PRODUCTS][SP_DEMO_N_TYPES];
  guint32 bucket_day[SP_DEMO_N_PRODUCTS][SP_DEMO_N_TYPES];
} SpDemoRep;

typedef struct
{
  SpStore           *store;
  sqlite3           *db;
  const SpDemoShape *shape;
  guint64            rng[4];
  GHashTable        *stmts;      /* SQL text (static) → prepared statement */

  SpDemoDay         *days;       /* from start_jd to today_jd + 400 */
  guint32            start_jd;   /* first day of history */
  guint32            today_jd;
  int                year;       /* fiscal year of today */

  gint64            *region_ids;
  SpDemoRep         *reps;
  guint              n_reps;
  SpDemoCustomer    *customers;  /* grouped by region */
  gint64             product_ids[SP_DEMO_N_PRODUCTS];
  gint64             type_ids[SP_DEMO_N_TYPES];
  guint              order_seq;

  gint64             open_stages[16];
  guint              n_open;
  gint64             won_stage;
  gint64             lost_stage;

  SpProgressFunc     progress;
  gpointer           user_data;
  GCancellable      *cancellable;
  guint64            done;
  guint64            total;
  guint64            next_report;
} SpDemoGen;

extern const SpDemoProduct sp_demo_products[SP_DEMO_N_PRODUCTS];
extern const char * const  sp_demo_customer_cores[];
extern const int           sp_demo_class_size_pm[];

/* sp-demo.c */
void          sp_demo_format_jd           (guint32      jd,
                                           char         out[11]);
/* Each write runs through sp_sql_run() with the generator's statement cache (g->stmts, keyed
 * by the address of the static SQL text) and this message on failure. */
#define SP_DEMO_WRITE_FAILED _("Could not write the demo data")
/* Counts @units of work; about every 1% reports progress and checks for cancellation. */
gboolean      sp_demo_advance             (SpDemoGen   *g,
                                           guint64      units,
                                           GError     **error);

/* sp-demo-activity.c */
/* Day by day: work logs, the orders behind them (history) and collections. */
gboolean      sp_demo_write_days          (SpDemoGen   *g,
                                           GError     **error);
/* The pipeline: opportunities and the stages they went through. */
gboolean      sp_demo_write_opportunities (SpDemoGen   *g,
                                           GError     **error);

/* xoshiro256** (seeded by splitmix64 in sp-demo.c): the same stream on every machine. */
static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
rng_next (SpDemoGen *g)
{
  guint64 *s = g->rng;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

/* Uniform in 0 .. n-1; 0 when @n is 0. */
static inline guint32
below (SpDemoGen *g,
       guint32    n)
{
  return (guint32) (((rng_next (g) >> 32) * n) >> 32);
}

static inline int
between (SpDemoGen *g,
         int        lo,
         int        hi)
{
  return lo + (int) below (g, (guint32) (hi - lo + 1));
}

static inline gboolean
chance (SpDemoGen *g,
        int        per_mille)
{
  return (int) below (g, 1000) < per_mille;
}

static inline guint
binomial (SpDemoGen *g,
          guint      n,
          int        per_mille)
{
  guint k = 0;

  for (guint i = 0; i < n; i++)
    k += chance (g, per_mille);

  return k;
}

static inline guint
pick_weighted (SpDemoGen   *g,
               const guint *weights,
               guint        n)
{
  guint sum = 0;
  guint r;

  for (guint i = 0; i < n; i++)
    sum += weights[i];
  r = below (g, sum);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }

  return n - 1;
}

/* Nearest multiple of @unit, halves up (@amount >= 0). */
static inline gint64
round_to (gint64 amount,
          gint64 unit)
{
  return (amount + unit / 2) / unit * unit;
}

static inline const SpDemoDay *
day_at (SpDemoGen *g,
        guint32    jd)
{
  g_assert (jd >= g->start_jd && jd <= g->today_jd + 400);
  return &g->days[jd - g->start_jd];
}

G_END_DECLS

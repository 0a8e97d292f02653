/* sp-demo-activity.c — the demo team at work: daily logs, the orders behind them, the pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "sp-demo-private.h"

#define HUNDRED_YUAN (100 * SP_DEMO_YUAN)

static const char history_insert[] =
  "INSERT INTO history_order (order_day, amount, region_id, rep_id, product_id,"
  " customer_type_id, customer_ref, order_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

/* Per-mille factor of the close rate by calendar month: Spring Festival dip, strong Q4. */
static const int season_pm[12] = {
  850, 700, 1000, 1000, 950, 1050, 950, 950, 1050, 1000, 1200, 1350,
};

static const char * const summaries[] = {
  "客户对新方案反馈积极。", "重点跟进了两个老客户的续约。", "和客户技术负责人做了深入沟通。",
  "整理了本周的报价单。", "陪同经理拜访了重点客户。", "完成了客户资料的更新。",
  "收到一个转介绍线索。", "电话邀约效果不错，约到三位新客户。", "完成一场产品演示，客户很感兴趣。",
  "处理了客户关于价格的异议。", "今天以电话跟进为主。",
};
static const char * const closing_summaries[] = {
  "促成成交，客户当场签约。", "老客户复购，流程顺利。", "处理完价格异议后顺利成交。",
  "跟进一个月的客户今天签约了。",
};
static const char * const problems[] = {
  "客户预算审批周期较长。", "竞争对手报价比我们低约10%。", "部分客户对交付周期有顾虑。",
  "客户决策人变动，需要重新建立关系。", "演示环境网络不稳定。", "老客户回款拖延。",
  "新客户对品牌认知度不高。",
};
static const char * const help_requests[] = {
  "需要技术支持同事协助方案演示。", "希望经理一起拜访重点客户。", "申请特殊折扣审批。",
  "需要更多同行业成功案例资料。", "需要财务协助催收回款。",
};
static const char * const tomorrow_plans[] = {
  "上午电话邀约5位准客户，下午拜访客户。", "准备重点客户的方案和报价。",
  "跟进今天演示过的客户，争取促成。", "参加早会，整理意向客户名单。",
  "拜访两家老客户，了解复购需求。", "回访已成交客户，争取转介绍。",
};
static const char * const lost_reasons[] = {
  "价格高于预算", "选择了竞争对手", "项目取消", "需求不匹配", "决策推迟",
};

static gboolean
flush_buckets (SpDemoGen  *g,
               SpDemoRep  *rep,
               GError    **error)
{
  for (guint p = 0; p < SP_DEMO_N_PRODUCTS; p++)
    for (guint t = 0; t < SP_DEMO_N_TYPES; t++)
      {
        if (rep->bucket[p][t] == 0)
          continue;
        if (!sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, NULL, error, history_insert, "tiiiiitt",
                          day_at (g, rep->bucket_day[p][t])->iso, rep->bucket[p][t],
                          g->region_ids[rep->region], rep->id, g->product_ids[p], g->type_ids[t],
                          NULL, NULL))
          return FALSE;
        rep->bucket[p][t] = 0;
      }

  return TRUE;
}

/* One order: its customer, product and amount, written or added to the week's bucket. */
static gboolean
write_order (SpDemoGen  *g,
             SpDemoRep  *rep,
             guint32     jd,
             gint64     *amount,
             gboolean   *is_new,
             GError    **error)
{
  static const guint product_weights[SP_DEMO_N_PRODUCTS] = { 35, 25, 20, 20 };
  guint per_region = g->shape->customers_per_region;
  SpDemoCustomer *c = &g->customers[rep->region * per_region + below (g, per_region)];
  guint p;
  gint64 value;
  char order_ref[24];

  /* A prospect that is not ready to buy yet: ask someone else (a few times). */
  for (guint tries = 0; c->since_jd > jd && tries < 8; tries++)
    c = &g->customers[rep->region * per_region + below (g, per_region)];
  p = pick_weighted (g, product_weights, SP_DEMO_N_PRODUCTS);
  value = sp_demo_products[p].average * between (g, 400, 1600) / 1000;
  value = MAX (round_to (value * sp_demo_class_size_pm[c->klass] / 1000, HUNDRED_YUAN),
               HUNDRED_YUAN);
  *amount = value;
  *is_new = !c->bought;
  c->bought = TRUE;

  if (g->shape->weekly_history)
    {
      rep->bucket[p][c->type] += value;
      rep->bucket_day[p][c->type] = jd;
      return TRUE;
    }

  g_snprintf (order_ref, sizeof order_ref, "SO%d%06u", (int) day_at (g, jd)->year,
              ++g->order_seq);
  return sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, NULL, error, history_insert, "tiiiiitt", day_at (g, jd)->iso, value,
                      g->region_ids[rep->region], rep->id, g->product_ids[p], g->type_ids[c->type],
                      c->ref, order_ref);
}

/* A worked day: the activity funnel, its orders, collection and (unless forgotten) the log. */
static gboolean
work_day (SpDemoGen  *g,
          SpDemoRep  *rep,
          guint32     jd,
          GError    **error)
{
  const SpDemoDay *day = day_at (g, jd);
  int ramp = MIN (1000, 300 + (int) (jd - rep->hired_jd) * 700 / 180);
  int season = season_pm[day->month - 1] * (day->month_end ? 1250 : 1000) / 1000;
  gint64 close_pm = (gint64) 380 * rep->close_pm / 1000 * season / 1000 * (500 + ramp / 2) / 1000;
  guint prospects, appointments, presentations, objections, closes, fresh = 0;
  gint64 revenue = 0, collected;
  const char *summary, *problem = "", *help = "", *plan = "";

  prospects = (guint) ((gint64) between (g, 5, 16) * rep->activity_pm * ramp / 1000000);
  prospects = MAX (prospects, 1);
  appointments = binomial (g, prospects, 450);
  presentations = binomial (g, appointments, 620);
  objections = binomial (g, presentations, 650);
  closes = binomial (g, objections, (int) MIN (close_pm, 950));

  for (guint i = 0; i < closes; i++)
    {
      gint64 amount;
      gboolean is_new;

      if (!write_order (g, rep, jd, &amount, &is_new, error))
        return FALSE;
      revenue += amount;
      fresh += is_new;
    }
  rep->receivable += revenue;
  if (day->year == g->year - 1)
    rep->last_year += revenue;
  collected = rep->receivable * between (g, 20, 70) / 1000 / HUNDRED_YUAN * HUNDRED_YUAN;
  rep->receivable -= collected;

  if (chance (g, 50))
    return TRUE;  /* forgot to fill in the log */

  /* One draw per statement: argument evaluation order is unspecified in C. */
  if (closes > 0 && chance (g, 500))
    summary = closing_summaries[below (g, G_N_ELEMENTS (closing_summaries))];
  else
    summary = summaries[below (g, G_N_ELEMENTS (summaries))];
  if (chance (g, 300))
    problem = problems[below (g, G_N_ELEMENTS (problems))];
  if (chance (g, 150))
    help = help_requests[below (g, G_N_ELEMENTS (help_requests))];
  if (chance (g, 750))
    plan = tomorrow_plans[below (g, G_N_ELEMENTS (tomorrow_plans))];

  return sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, NULL, error,
                      "INSERT INTO worklog_entry (rep_id, day, prospects, appointments,"
                      " presentations, objections, closes, orders, revenue, new_customers,"
                      " repeat_purchases, collected, summary, problems, help_needed, tomorrow_plan)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      "itddddddiddi" "tttt", rep->id, day->iso, (int) prospects, (int) appointments,
                      (int) presentations, (int) objections, (int) closes, (int) closes, revenue,
                      (int) fresh, (int) (closes - fresh), collected, summary, problem, help,
                      plan);
}

gboolean
sp_demo_write_days (SpDemoGen  *g,
                    GError    **error)
{
  for (guint32 jd = g->start_jd; jd < g->today_jd; jd++)
    {
      const SpDemoDay *day = day_at (g, jd);

      if (g->shape->weekly_history && day->weekday == G_DATE_MONDAY)
        for (guint r = 0; r < g->n_reps; r++)
          if (!flush_buckets (g, &g->reps[r], error))
            return FALSE;

      for (guint r = 0; day->working && r < g->n_reps; r++)
        {
          SpDemoRep *rep = &g->reps[r];

          if (jd < rep->hired_jd || jd <= rep->away_until)
            continue;
          if (chance (g, 5))
            rep->away_until = jd + between (g, 0, 2);   /* sick */
          else if (chance (g, 3))
            rep->away_until = jd + between (g, 2, 6);   /* leave */
          else if (!work_day (g, rep, jd, error))
            return FALSE;
        }

      if (!sp_demo_advance (g, g->n_reps, error))
        return FALSE;
    }

  for (guint r = 0; g->shape->weekly_history && r < g->n_reps; r++)
    if (!flush_buckets (g, &g->reps[r], error))
      return FALSE;

  return TRUE;
}

typedef struct
{
  guint32 created;
  guint32 rep;
} OppSeed;

static int
compare_opp_seeds (const void *a,
                   const void *b)
{
  const OppSeed *x = a, *y = b;

  if (x->created != y->created)
    return x->created < y->created ? -1 : 1;
  return x->rep < y->rep ? -1 : x->rep > y->rep;
}

static gboolean
write_opportunity (SpDemoGen      *g,
                   const OppSeed  *seed,
                   GError        **error)
{
  static const guint product_weights[SP_DEMO_N_PRODUCTS] = { 30, 35, 25, 10 };
  SpDemoRep *rep = &g->reps[seed->rep];
  guint per_region = g->shape->customers_per_region;
  SpDemoCustomer *c = &g->customers[rep->region * per_region + below (g, per_region)];
  guint p = pick_weighted (g, product_weights, SP_DEMO_N_PRODUCTS);
  gint64 amount = round_to (sp_demo_products[p].average * between (g, 2000, 12000) / 1000
                            * sp_demo_class_size_pm[c->klass] / 1000, 1000 * SP_DEMO_YUAN);
  guint32 entered[18], jd = seed->created, closed = 0, expected;
  gint64 stage_ids[18], id, invoiced = 0, collected = 0;
  guint n = 0;
  const char *reason = "";
  g_autofree char *title = NULL;
  char created_iso[11], expected_iso[11], closed_iso[11];

  stage_ids[n] = g->open_stages[0];
  entered[n++] = jd;
  for (guint s = 0; ; s++)
    {
      int lose_pm = CLAMP ((250 - (int) s * 40) * 1000 / rep->close_pm, 50, 600);

      jd += between (g, 3, 25);
      if (jd >= g->today_jd)
        break;   /* still open at stage s */
      if (chance (g, lose_pm))
        {
          stage_ids[n] = g->lost_stage;
          reason = lost_reasons[below (g, G_N_ELEMENTS (lost_reasons))];
        }
      else
        stage_ids[n] = s + 1 < g->n_open ? g->open_stages[s + 1] : g->won_stage;
      entered[n++] = jd;
      if (s + 1 >= g->n_open || stage_ids[n - 1] == g->lost_stage)
        {
          closed = jd;
          break;
        }
    }

  expected = closed ? seed->created + between (g, 30, 120) : g->today_jd + between (g, 7, 120);
  if (stage_ids[n - 1] == g->won_stage)
    {
      guint age = g->today_jd - closed;

      gint64 share = (gint64) age * between (g, 5, 12);   /* per mille, grows with age */

      invoiced = age < 5 ? 0 : amount;
      if (age > 120 && chance (g, 900))
        collected = invoiced;
      else
        collected = MIN (round_to (invoiced * MIN (share, 1000) / 1000, HUNDRED_YUAN), invoiced);
    }

  sp_demo_format_jd (seed->created, created_iso);
  sp_demo_format_jd (expected, expected_iso);
  if (closed)
    sp_demo_format_jd (closed, closed_iso);
  title = g_strconcat (sp_demo_customer_cores[c->core], sp_demo_products[p].name, "项目", NULL);
  if (!sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, &id, error,
                    "INSERT INTO opportunity (title, customer_id, rep_id, product_id, stage_id,"
                    " amount, created_on, expected_close, closed_on, invoiced, collected,"
                    " lost_reason)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "tiiiiitttiit",
                    title, c->id, rep->id, g->product_ids[p], stage_ids[n - 1], amount, created_iso,
                    expected_iso, closed ? closed_iso : NULL, invoiced, collected, reason))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, NULL, error,
                      "INSERT INTO opportunity_stage_history (opportunity_id, stage_id, entered_on)"
                      " VALUES (?, ?, ?)", "iit", id, stage_ids[i], day_at (g, entered[i])->iso))
      return FALSE;

  return TRUE;
}

gboolean
sp_demo_write_opportunities (SpDemoGen  *g,
                             GError    **error)
{
  guint n = g->shape->opportunities;
  g_autofree OppSeed *seeds = g_new (OppSeed, n);
  guint32 span = g->today_jd - g->start_jd;

  /* A quarter of them recent, so that the pipeline holds open deals; none before the
   * rep joined. */
  for (guint i = 0; i < n; i++)
    {
      guint32 hired;

      seeds[i].rep = below (g, g->n_reps);
      hired = g->reps[seeds[i].rep].hired_jd;
      seeds[i].created = g->today_jd - 1 - (chance (g, 250) ? below (g, 120) : below (g, span));
      if (seeds[i].created < hired)
        seeds[i].created = hired + below (g, g->today_jd > hired ? g->today_jd - hired : 1);
    }
  qsort (seeds, n, sizeof *seeds, compare_opp_seeds);

  for (guint i = 0; i < n; i++)
    if (!write_opportunity (g, &seeds[i], error) || !sp_demo_advance (g, 1, error))
      return FALSE;

  return TRUE;
}

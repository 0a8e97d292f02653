/* sp-demo.c — deterministic demo workspaces (the first run's data and the benchmark's)
 *
 * Everything comes from one xoshiro256** stream seeded with the caller's seed and from
 * integer arithmetic only, so a seed gives the same rows on every machine. This file writes
 * the team, its customers, plan and meetings; sp-demo-activity.c writes what the team did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>

#include "sp-breakdown.h"
#include "sp-demo-private.h"
#include "sp-money.h"
#include "sp-plan.h"

#define WAN (10000 * SP_DEMO_YUAN)

static const SpDemoShape shapes[] = {
  [SP_DEMO_SIZE_DEMO]  = { 3, 4, 2, 50, 300, FALSE },
  [SP_DEMO_SIZE_LARGE] = { 20, 25, 5, 500, 200000, TRUE },
};

/* Data, not interface text: the demo company is a Chinese one, so its rows are Chinese. */
static const char * const region_names[] = {
  "华东区", "华南区", "华北区", "华中区", "西南区", "西北区", "东北区", "上海区", "北京区", "广州区",
  "深圳区", "杭州区", "南京区", "成都区", "重庆区", "武汉区", "西安区", "天津区", "青岛区", "厦门区",
};
static const char * const cities[] = {
  "上海", "杭州", "南京", "苏州", "宁波", "广州", "深圳", "厦门", "东莞", "佛山",
  "北京", "天津", "济南", "青岛", "石家庄", "成都", "重庆", "武汉", "西安", "长沙",
};
static const char * const surnames[] = {
  "张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
  "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢",
};
static const char * const given_names[] = {
  "伟", "芳", "娜", "洋", "静", "磊", "敏", "强", "婷", "斌", "丽", "浩", "军", "勇", "艳", "杰",
  "涛", "明", "超", "霞", "平", "刚", "桂英", "秀兰", "建华", "晓东", "志强", "海燕", "子涵", "雨婷",
  "思远", "文博", "嘉怡", "俊杰", "欣然", "宇航", "佳琪", "明轩", "梓萱", "浩然",
};
const char * const sp_demo_customer_cores[] = {
  "恒达", "华信", "东方", "新源", "鼎盛", "瑞丰", "宏图", "金桥", "远航", "百川", "中科", "天成",
  "汇通", "嘉禾", "联创", "海纳", "启明", "长城", "泰和", "博远", "安信", "星辰", "锦程", "凯瑞",
  "永盛", "广源", "德诚", "万象", "青松", "蓝海", "立信", "众合", "盛世", "华夏", "新宇", "同创",
  "正大", "益民", "信达", "君悦",
};
static const char * const type_suffixes[SP_DEMO_N_TYPES][3] = {
  { "科技有限公司", "实业有限公司", "制造有限公司" },
  { "人民医院", "职业技术学院", "政务服务中心" },
  { "商贸有限公司", "电子经销部", "信息技术服务部" },
};
static const char * const type_names[SP_DEMO_N_TYPES] = { "企业客户", "政府及事业单位", "渠道经销商" };
static const guint type_weights[SP_DEMO_N_TYPES] = { 60, 25, 15 };

const SpDemoProduct sp_demo_products[SP_DEMO_N_PRODUCTS] = {
  { "云办公套件", "软件", 18000 * SP_DEMO_YUAN },
  { "智能会议终端", "硬件", 26000 * SP_DEMO_YUAN },
  { "实施与培训服务", "服务", 12000 * SP_DEMO_YUAN },
  { "年度维保服务", "服务", 6000 * SP_DEMO_YUAN },
};

static const char * const classes[] = { "strategic", "industry", "scattered" };
static const guint class_weights[] = { 10, 30, 60 };
const int sp_demo_class_size_pm[] = { 2000, 1300, 900 };

/* Chinese public holidays (days off, weekends included), approximate but fixed. */
static const char * const holiday_names[] = {
  "元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节",
};
static const struct { guint16 year; guint8 month, day, length, name; } holidays[] = {
  { 2021, 1, 1, 3, 0 }, { 2021, 2, 11, 7, 1 }, { 2021, 4, 3, 3, 2 }, { 2021, 5, 1, 5, 3 },
  { 2021, 6, 12, 3, 4 }, { 2021, 9, 19, 3, 5 }, { 2021, 10, 1, 7, 6 },
  { 2022, 1, 1, 3, 0 }, { 2022, 1, 31, 7, 1 }, { 2022, 4, 3, 3, 2 }, { 2022, 4, 30, 5, 3 },
  { 2022, 6, 3, 3, 4 }, { 2022, 9, 10, 3, 5 }, { 2022, 10, 1, 7, 6 },
  { 2023, 1, 1, 2, 0 }, { 2023, 1, 21, 7, 1 }, { 2023, 4, 5, 1, 2 }, { 2023, 4, 29, 5, 3 },
  { 2023, 6, 22, 3, 4 }, { 2023, 9, 29, 1, 5 }, { 2023, 9, 30, 7, 6 },
  { 2024, 1, 1, 1, 0 }, { 2024, 2, 10, 8, 1 }, { 2024, 4, 4, 3, 2 }, { 2024, 5, 1, 5, 3 },
  { 2024, 6, 10, 1, 4 }, { 2024, 9, 15, 3, 5 }, { 2024, 10, 1, 7, 6 },
  { 2025, 1, 1, 1, 0 }, { 2025, 1, 28, 8, 1 }, { 2025, 4, 4, 3, 2 }, { 2025, 5, 1, 5, 3 },
  { 2025, 5, 31, 3, 4 }, { 2025, 10, 1, 8, 6 },
  { 2026, 1, 1, 3, 0 }, { 2026, 2, 15, 9, 1 }, { 2026, 4, 4, 3, 2 }, { 2026, 5, 1, 5, 3 },
  { 2026, 6, 19, 3, 4 }, { 2026, 9, 25, 3, 5 }, { 2026, 10, 1, 7, 6 },
  { 2027, 1, 1, 3, 0 }, { 2027, 2, 5, 7, 1 }, { 2027, 4, 3, 3, 2 }, { 2027, 5, 1, 5, 3 },
  { 2027, 6, 9, 1, 4 }, { 2027, 9, 15, 1, 5 }, { 2027, 10, 1, 7, 6 },
  { 2028, 1, 1, 3, 0 }, { 2028, 1, 25, 7, 1 }, { 2028, 4, 2, 3, 2 }, { 2028, 5, 1, 5, 3 },
  { 2028, 5, 28, 3, 4 }, { 2028, 10, 1, 8, 6 },
};

/* The small team: the star, the struggling one, the steady ones; -1 is this year's new hire. */
static const struct { const char *name; int hired_days_ago, activity_pm, close_pm; } demo_reps[] = {
  { "张伟", 3650, 1150, 1450 }, { "王芳", 2440, 1000, 1000 }, { "李娜", 1800, 950, 900 },
  { "刘洋", -1, 1000, 850 },    { "陈静", 3100, 1050, 1150 }, { "杨磊", 2230, 880, 620 },
  { "赵敏", 1390, 1000, 1000 }, { "黄强", 430, 980, 950 },    { "周婷", 3960, 1100, 1200 },
  { "吴斌", 2720, 1000, 980 },  { "徐丽", 1590, 950, 1050 },  { "孙浩", 1120, 920, 880 },
};

static void
seed_rng (SpDemoGen *g,
          guint64    seed)
{
  for (guint i = 0; i < 4; i++)
    {
      guint64 z = (seed += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

      z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
      z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
      g->rng[i] = z ^ (z >> 31);
    }
}

void
sp_demo_format_jd (guint32 jd,
                   char    out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, jd);
  g_snprintf (out, 11, "%04d-%02d-%02d", (int) g_date_get_year (&date),
              (int) g_date_get_month (&date), (int) g_date_get_day (&date));
}

static guint32
jd_of (int year,
       int month,
       int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

gboolean
sp_demo_advance (SpDemoGen  *g,
                 guint64     units,
                 GError    **error)
{
  g->done += units;
  if (g->done < g->next_report)
    return TRUE;

  g->next_report = g->done + MAX (g->total / 100, 1);
  if (g->progress != NULL)
    g->progress (MIN ((double) g->done / (double) g->total, 0.999), g->user_data);

  return !g_cancellable_set_error_if_cancelled (g->cancellable, error);
}

static gboolean
is_empty (SpDemoGen  *g,
          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sp_sql_prepare (g->db,
                         "SELECT EXISTS (SELECT 1 FROM region) OR EXISTS (SELECT 1 FROM rep)"
                         " OR EXISTS (SELECT 1 FROM plan)", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return sp_sql_set_error (g->db, error, _("Could not read the workspace"));
  if (sqlite3_column_int (stmt, 0) != 0)
    {
      g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                           _("The workspace already holds regions, reps or plans; demo data "
                             "can only be added to an empty workspace"));
      return FALSE;
    }

  return TRUE;
}

static void
build_calendar (SpDemoGen   *g,
                const GDate *today)
{
  GDate date = *today;
  guint n;

  g_date_subtract_years (&date, g->shape->years);
  g->start_jd = g_date_get_julian (&date);
  g->today_jd = g_date_get_julian (today);
  g->year = g_date_get_year (today);
  n = g->today_jd + 401 - g->start_jd;
  g->days = g_new0 (SpDemoDay, n);

  for (guint i = 0; i < n; i++)
    {
      SpDemoDay *day = &g->days[i];

      g_date_set_julian (&date, g->start_jd + i);
      sp_demo_format_jd (g->start_jd + i, day->iso);
      day->weekday = g_date_get_weekday (&date);
      day->month = g_date_get_month (&date);
      day->year = g_date_get_year (&date);
      day->working = day->weekday <= G_DATE_FRIDAY;
      day->month_end = g_date_get_day (&date) + 5
                       >= g_date_get_days_in_month (g_date_get_month (&date), day->year);
    }

  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    for (guint k = 0; k < holidays[i].length; k++)
      {
        guint32 jd = jd_of (holidays[i].year, holidays[i].month, holidays[i].day) + k;

        if (jd >= g->start_jd && jd <= g->today_jd + 400)
          g->days[jd - g->start_jd].working = FALSE;
      }
}

static gboolean
write_reference_data (SpDemoGen  *g,
                      GError    **error)
{
  if (!sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, NULL, error, "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                    "tt", "currency", "CNY"))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    {
      if (holidays[i].year < day_at (g, g->start_jd)->year || holidays[i].year > g->year)
        continue;
      for (guint k = 0; k < holidays[i].length; k++)
        {
          char iso[11];

          sp_demo_format_jd (jd_of (holidays[i].year, holidays[i].month, holidays[i].day) + k,
                             iso);
          if (!sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, NULL, error,
                            "INSERT OR IGNORE INTO holiday (day, name) VALUES (?, ?)",
                            "tt", iso, holiday_names[holidays[i].name]))
            return FALSE;
        }
    }

  for (guint i = 0; i < SP_DEMO_N_PRODUCTS; i++)
    if (!sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, &g->product_ids[i], error,
                      "INSERT INTO product (name, category) VALUES (?, ?)", "tt",
                      sp_demo_products[i].name, sp_demo_products[i].category))
      return FALSE;

  for (guint i = 0; i < SP_DEMO_N_TYPES; i++)
    if (!sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, &g->type_ids[i], error, "INSERT INTO customer_type (name) VALUES (?)", "t",
                      type_names[i]))
      return FALSE;

  for (guint i = 0; i < g->shape->n_regions; i++)
    if (!sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, &g->region_ids[i], error,
                      "INSERT INTO region (name, position) VALUES (?, ?)", "td",
                      region_names[i], (int) i))
      return FALSE;

  return sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, NULL, error,
                      "INSERT INTO pipeline_stage (name, position, probability_pct, outcome)"
                      " SELECT column1, column2, column3, column4 FROM (VALUES"
                      " ('Lead', 0, 10, 'open'), ('Qualified', 1, 25, 'open'),"
                      " ('Proposal', 2, 50, 'open'), ('Negotiation', 3, 75, 'open'),"
                      " ('Won', 4, 100, 'won'), ('Lost', 5, 0, 'lost'))"
                      " WHERE NOT EXISTS (SELECT 1 FROM pipeline_stage)", "");
}

/* The stages already there (a workspace may have its own) or the defaults just written. */
static gboolean
load_stages (SpDemoGen  *g,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sp_sql_prepare (g->db, "SELECT id, outcome FROM pipeline_stage"
                         " ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *outcome = (const char *) sqlite3_column_text (stmt, 1);

      if (g_strcmp0 (outcome, "won") == 0 && g->won_stage == 0)
        g->won_stage = sqlite3_column_int64 (stmt, 0);
      else if (g_strcmp0 (outcome, "lost") == 0 && g->lost_stage == 0)
        g->lost_stage = sqlite3_column_int64 (stmt, 0);
      else if (g_strcmp0 (outcome, "open") == 0 && g->n_open < G_N_ELEMENTS (g->open_stages))
        g->open_stages[g->n_open++] = sqlite3_column_int64 (stmt, 0);
    }

  if (g->n_open == 0 || g->won_stage == 0 || g->lost_stage == 0)
    {
      g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                           _("The sales pipeline needs an open, a won and a lost stage "
                             "before demo data can be added"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_reps (SpDemoGen  *g,
            GError    **error)
{
  gboolean demo = g->shape == &shapes[SP_DEMO_SIZE_DEMO];
  guint doy = g->today_jd - jd_of (g->year, 1, 1);

  for (guint i = 0; i < g->n_reps; i++)
    {
      SpDemoRep *rep = &g->reps[i];
      guint combo = (i * 389 + 7) % (G_N_ELEMENTS (surnames) * G_N_ELEMENTS (given_names));
      g_autofree char *name = NULL;
      int days_ago;
      char hired[11];

      rep->region = i / g->shape->reps_per_region;
      if (demo)
        {
          g_assert (g->n_reps == G_N_ELEMENTS (demo_reps));
          name = g_strdup (demo_reps[i].name);
          days_ago = demo_reps[i].hired_days_ago;
          rep->activity_pm = demo_reps[i].activity_pm;
          rep->close_pm = demo_reps[i].close_pm;
        }
      else
        {
          name = g_strconcat (surnames[combo / G_N_ELEMENTS (given_names)],
                              given_names[combo % G_N_ELEMENTS (given_names)], NULL);
          /* Most joined before the history starts; a few during it; one per region this year. */
          days_ago = i % g->shape->reps_per_region == 3 ? -1
            : (int) g->shape->years * 366 + (chance (g, 850) ? between (g, 30, 3000)
                                                               : -between (g, 60, 1700));
          rep->activity_pm = between (g, 850, 1200);
          rep->close_pm = between (g, 650, 1450);
        }
      /* This year's new hire: up to 45 days ago, never before 1 January. */
      rep->hired_jd = g->today_jd - (days_ago >= 0 ? (guint) days_ago : MIN (doy, 45));
      sp_demo_format_jd (rep->hired_jd, hired);

      if (!sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, &rep->id, error,
                        "INSERT INTO rep (name, region_id, hired_on) VALUES (?, ?, ?)", "tit",
                        name, g->region_ids[rep->region], hired)
          || !sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, NULL, error,
                           "INSERT INTO rep_region (rep_id, region_id, from_day) VALUES (?, ?, ?)",
                           "iit", rep->id, g->region_ids[rep->region], hired))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_customers (SpDemoGen  *g,
                 GError    **error)
{
  guint per_region = g->shape->customers_per_region;

  for (guint i = 0; i < g->shape->n_regions * per_region; i++)
    {
      SpDemoCustomer *c = &g->customers[i];
      guint region = i / per_region;
      const char *city = cities[(region * 5 + below (g, 5)) % G_N_ELEMENTS (cities)];
      static const guint grade_weights[] = { 55, 10, 15, 12, 8 };
      static const char * const grades[] = { "", "A", "B", "C", "D" };
      const char *grade = grades[pick_weighted (g, grade_weights, G_N_ELEMENTS (grades))];
      g_autofree char *name = NULL;

      c->klass = pick_weighted (g, class_weights, G_N_ELEMENTS (class_weights));
      c->type = pick_weighted (g, type_weights, SP_DEMO_N_TYPES);
      c->core = below (g, G_N_ELEMENTS (sp_demo_customer_cores));
      /* Ungraded ones are existing customers; graded ones are prospects (意向客户), most of
       * whom become customers at some point of the history. */
      c->bought = grade[0] == '\0';
      if (!c->bought)
        c->since_jd = chance (g, 700) ? g->start_jd + below (g, g->today_jd - g->start_jd)
                                      : G_MAXUINT32;
      g_snprintf (c->ref, sizeof c->ref, "C%05u", i + 1);
      name = g_strconcat (city, sp_demo_customer_cores[c->core],
                          type_suffixes[c->type][below (g, 3)], NULL);

      if (!sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, &c->id, error,
                        "INSERT INTO customer (name, class, intent_grade, customer_type_id,"
                        " region_id, external_ref) VALUES (?, ?, ?, ?, ?, ?)", "tttiit",
                        name, classes[c->klass], grade, g->type_ids[c->type],
                        g->region_ids[region], c->ref))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_plan (SpDemoGen  *g,
            GError    **error)
{
  gint64 last_year = 0, plan_id, target, per_rep;
  guint veterans = 0, new_hires = 0;
  g_autofree char *basis = g_strdup_printf ("%d", g->year - 1);
  g_autofree char *headcount_note = NULL;
  char year_end[11], mid_year[11];

  for (guint i = 0; i < g->n_reps; i++)
    {
      last_year += g->reps[i].last_year;
      if (g->reps[i].hired_jd <= jd_of (g->year - 1, 1, 1))
        veterans++;
      else if (g->reps[i].hired_jd >= jd_of (g->year, 1, 1))
        new_hires++;
    }
  target = round_to (sp_money_scale (last_year, 115, 100), WAN);
  per_rep = veterans ? last_year / veterans : 0;
  sp_demo_format_jd (jd_of (g->year, 12, 31), year_end);
  sp_demo_format_jd (jd_of (g->year, 6, 30), mid_year);

  if (!sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, &plan_id, error,
                    "INSERT INTO plan (fiscal_year, team, target, sprint, challenge, basis_years,"
                    " growth_bp) VALUES (?, '', ?, ?, ?, ?, 1500)", "diiit",
                    g->year, target, sp_money_scale (target, 125, 100),
                    sp_money_scale (target, 140, 100), basis)
      /* SWOT分析: the four quadrants. */
      || !sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, NULL, error,
                       "INSERT INTO plan_swot (plan_id, quadrant, text)"
                       " VALUES (?1, 'strengths', ?2), (?1, 'weaknesses', ?3),"
                       " (?1, 'opportunities', ?4), (?1, 'threats', ?5)", "itttt",
                       plan_id, "产品稳定、服务响应快；老客户复购率高。",
                       "品牌知名度不足；新人成长周期较长。",
                       "企业数字化升级需求旺盛；智能会议终端二代即将上市。",
                       "价格竞争加剧；部分经销商合作方式调整。"))
    return FALSE;

  /* 汇总法: veterans commit to growth by temperament, newer reps to a share of the average. */
  for (guint i = 0; i < g->n_reps; i++)
    {
      const SpDemoRep *rep = &g->reps[i];
      gint64 amount = rep->hired_jd <= jd_of (g->year - 1, 1, 1)
        ? rep->last_year * (1000 + rep->close_pm / 8 + between (g, 0, 100)) / 1000
        : per_rep * between (g, 400, 700) / 1000;

      if (!sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, NULL, error,
                        "INSERT INTO plan_commitment (plan_id, rep_id, amount) VALUES (?, ?, ?)",
                        "iii", plan_id, rep->id, round_to (amount, WAN)))
        return FALSE;
    }

  headcount_note = g_strdup_printf ("新招聘%u名销售代表，按半年产能计算。", new_hires);
  if (!sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, NULL, error,
                    "INSERT INTO plan_adjustment (plan_id, basis, kind, value, note)"
                    " VALUES (?, 'industry', 'percent', 300, '行业整体增速约8%，预计带动增长3%。'),"
                    " (?, 'headcount', 'amount', ?, ?),"
                    " (?, 'products', 'percent', 200, '智能会议终端二代上市，预计带动增长2%。'),"
                    " (?, 'channels', 'amount', ?, '调整一家经销商的合作方式，短期有影响。')",
                    "iiitiii", plan_id, plan_id, round_to (per_rep * new_hires / 2, WAN),
                    headcount_note, plan_id, plan_id, -50 * WAN * (gint64) g->shape->n_regions / 3))
    return FALSE;

  return sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, NULL, error,
                      "INSERT INTO ogsmt_item (plan_id, kind, position, text, target_value,"
                      " deadline) VALUES (?1, 'objective', 0, '巩固区域市场领先地位，实现可持续增长', NULL, ?2),"
                      " (?1, 'goal', 0, '全年销售额达成目标', ?3, ?2),"
                      " (?1, 'goal', 1, '智能会议终端新品销售额', ?4, ?2),"
                      " (?1, 'strategy', 0, '深耕战略客户，提高复购率', NULL, NULL),"
                      " (?1, 'strategy', 1, '推广智能会议终端新品，开拓行业客户', NULL, ?5),"
                      " (?1, 'measure', 0, '人均每日有效邀约（次）', 5, ?2),"
                      " (?1, 'measure', 1, '回款率（%）', 95, ?2),"
                      " (?1, 'measure', 2, '赢单率（%）', 30, ?5)",
                      "itiit", plan_id, year_end, target, round_to (target / 10, WAN), mid_year);
}

static gboolean
write_meetings (SpDemoGen  *g,
                GError    **error)
{
  static const struct
  {
    const char *kind, *title, *agenda, *minutes;
    int         days, hour;
  } meetings[] = {
    { "monthly", "月度经营分析会", "1. 上月目标达成\n2. 区域与个人排名\n3. 问题分析\n4. 本月目标与策略",
      "上月整体达成率略低于预期，华南区需加强促成。", -20, 14 },
    { "weekly", "周例会", "1. 上周战报\n2. 漏斗复盘\n3. 本周重点客户",
      "三个大单进入谈判阶段，需要技术支持。", -6, 9 },
    { "evening", "夕会", "1. 今日成果\n2. 问题与求助\n3. 明日计划", "今日成交两单。", -1, 18 },
    { "morning", "早会", "1. 昨日业绩\n2. 今日目标与拜访计划\n3. 激励", "", 0, 8 },
    { "coaching", "辅导会：销售异议处理（PESOS）", "准备—说明—示范—观察—督导", "", 1, 16 },
    { "sharing", "分享会：大客户攻关经验", "1. 案例分享\n2. 讨论\n3. 总结", "", 3, 16 },
    { "review", "季度总结分析会", "1. 季度目标达成\n2. 目标修正\n3. 激励兑现", "", 12, 14 },
    { "workshop", "工作坊：新产品方案设计", "1. 客户痛点\n2. 方案共创\n3. 演练", "", 17, 9 },
  };
  static const struct { guint meeting, rep; const char *text, *phase; int due; } actions[] = {
    { 0, 5, "制定促成提升计划并每周复盘", "do", 10 },
    { 0, 0, "整理大客户攻关案例，下次分享会上分享", "done", -8 },
    { 1, 1, "协调技术支持参加三个大单的方案演示", "check", 2 },
    { 1, 9, "跟进逾期回款客户", "plan", 5 },
    { 2, 6, "明天上午回访昨日演示客户", "act", 1 },
    { 4, 3, "观察新人电话邀约并给出反馈", "plan", 8 },
  };
  gint64 ids[G_N_ELEMENTS (meetings)];

  for (guint i = 0; i < G_N_ELEMENTS (meetings); i++)
    {
      char day[11], at[24];

      sp_demo_format_jd (g->today_jd + meetings[i].days, day);
      g_snprintf (at, sizeof at, "%sT%02d:%s:00", day, meetings[i].hour,
                  meetings[i].hour == 8 ? "30" : "00");
      if (!sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, &ids[i], error,
                        "INSERT INTO meeting (kind, scheduled_at, title, agenda, minutes)"
                        " VALUES (?, ?, ?, ?, ?)", "ttttt", meetings[i].kind, at, meetings[i].title,
                        meetings[i].agenda, meetings[i].minutes))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      char due[11];

      sp_demo_format_jd (g->today_jd + actions[i].due, due);
      if (!sp_sql_run (g->db, g->stmts, SP_DEMO_WRITE_FAILED, NULL, error,
                        "INSERT INTO action_item (meeting_id, rep_id, text, due_on, phase)"
                        " VALUES (?, ?, ?, ?, ?)", "iittt", ids[actions[i].meeting],
                        g->reps[actions[i].rep % g->n_reps].id, actions[i].text, due,
                        actions[i].phase))
        return FALSE;
    }

  return TRUE;
}

static int
get_cache_size (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);

  return -2000;
}

static void
set_cache_size (sqlite3 *db,
                int      pages)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d;", pages);

  sqlite3_exec (db, sql, NULL, NULL, NULL);
}

static gboolean
generate (SpDemoGen  *g,
          GError    **error)
{
  return is_empty (g, error)
         && write_reference_data (g, error)
         && load_stages (g, error)
         && write_reps (g, error)
         && write_customers (g, error)
         && sp_demo_advance (g, 0, error)
         && sp_demo_write_days (g, error)
         && sp_demo_write_opportunities (g, error)
         && write_plan (g, error)
         && write_meetings (g, error);
}

static gboolean
break_down_plans (SpStore  *store,
                  GError  **error)
{
  g_autoptr(GListModel) plans = sp_plan_list (store, error);

  if (plans == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(SpPlan) plan = g_list_model_get_item (plans, i);
      g_autoptr(SpBreakdown) breakdown = sp_breakdown_new (store, sp_plan_get_id (plan), error);
      SpBreakdownOptions options;

      if (breakdown == NULL)
        return FALSE;

      sp_breakdown_options_init (&options);
      options.time_source = SP_WEIGHT_SOURCE_HISTORY;
      if (!sp_breakdown_generate (breakdown, &options, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
sp_demo_generate (SpStore         *store,
                  SpDemoSize       size,
                  guint64          seed,
                  const GDate     *today,
                  SpProgressFunc   progress,
                  gpointer         user_data,
                  GCancellable    *cancellable,
                  GError         **error)
{
  SpDemoGen g = { 0 };
  gboolean ok;
  int cache_size;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (size == SP_DEMO_SIZE_DEMO || size == SP_DEMO_SIZE_LARGE, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (!sp_store_in_edit (store), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  g.store = store;
  g.db = sp_store_get_db (store);
  g.shape = &shapes[size];
  g.progress = progress;
  g.user_data = user_data;
  g.cancellable = cancellable;
  g.stmts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize);
  seed_rng (&g, seed);
  build_calendar (&g, today);
  g.n_reps = g.shape->n_regions * g.shape->reps_per_region;
  g.region_ids = g_new0 (gint64, g.shape->n_regions);
  g.reps = g_new0 (SpDemoRep, g.n_reps);
  g.customers = g_new0 (SpDemoCustomer, g.shape->n_regions * g.shape->customers_per_region);
  g.total = (guint64) (g.today_jd - g.start_jd) * g.n_reps + g.shape->opportunities;

  /* The large workspace's random-order index inserts thrash the default 2 MB page cache
   * (about 40% slower); a bigger one for the duration only. */
  cache_size = get_cache_size (g.db);
  if (size == SP_DEMO_SIZE_LARGE && cache_size > -65536)
    set_cache_size (g.db, -65536);

  /* Outside an edit nothing records; saying so inside the transaction keeps it that way
   * even if a caller left recording on, and a rollback restores the flag too. */
  ok = sp_sql_exec (g.db, "BEGIN IMMEDIATE;", error);
  if (ok)
    {
      ok = sp_undo_set_recording (g.db, FALSE, error) && generate (&g, error);
      g_hash_table_remove_all (g.stmts);
      ok = ok && sp_sql_exec (g.db, "COMMIT;", error);
      if (!ok && sqlite3_get_autocommit (g.db) == 0)
        sqlite3_exec (g.db, "ROLLBACK;", NULL, NULL, NULL);
    }
  set_cache_size (g.db, cache_size);

  g_hash_table_unref (g.stmts);
  g_free (g.days);
  g_free (g.region_ids);
  g_free (g.reps);
  g_free (g.customers);

  if (!ok)
    return FALSE;

  /* A realistic workspace has its plan broken down already: months by last year's
   * seasonality, regions by their history, reps equally. */
  if (!break_down_plans (store, error))
    return FALSE;

  /* Like an import, generating is not undone step by step; this also emits ::changed. */
  sp_store_clear_history (store);
  if (progress != NULL)
    progress (1.0, user_data);

  return TRUE;
}

gboolean
sp_demo_size_from_string (const char *text,
                          SpDemoSize *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (g_strcmp0 (text, "demo") == 0)
    *out = SP_DEMO_SIZE_DEMO;
  else if (g_strcmp0 (text, "large") == 0)
    *out = SP_DEMO_SIZE_LARGE;
  else
    return FALSE;

  return TRUE;
}

/* sp-worklog-page-private.h — what sp-worklog-page.c shares with sp-worklog-page-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-model.h"

#include "sp-key-figures-panel.h"
#include "sp-team-day-grid.h"
#include "sp-worklog-page.h"
#include "sp-worklog-team-summary.h"

G_BEGIN_DECLS

typedef struct
{
  SpWorklogPage *page;
  SpWorklogField field;
  GtkWidget     *widget;    /* GtkEntry, or GtkTextView for notes */
  GtkLevelBar   *level;     /* activities only */
  GtkLabel      *progress;  /* activities only */
  char          *loaded;    /* the text as last shown from the store */
  char          *message;   /* the refusal of what was typed, NULL when none */
} Field;

struct _SpWorklogPage
{
  SpPage          parent_instance;

  GtkStringList  *rep_names;
  GArray         *rep_ids;      /* gint64, parallel to rep_names */
  gint64          rep_id;
  GDate           day;
  GDate           today;
  gboolean        loading;
  gboolean        disposing;
  Field           fields[SP_WORKLOG_N_FIELDS];

  GtkDropDown    *rep_dropdown;
  GtkMenuButton  *date_button;
  GtkPopover     *date_popover;
  GtkCalendar    *calendar;
  GtkStack       *view_stack;
  GtkStack       *rep_stack;
  GtkLabel       *heading;
  GtkLabel       *subtitle;
  GtkGrid        *activities_grid;
  GtkGrid        *outcomes_grid;
  GtkLabel       *error_label;
  GtkLabel       *plan_heading;
  GtkLabel       *plan_text;
  GtkGrid        *notes_grid;
  GtkLabel       *summary_heading;
  GtkGrid        *summary_grid;
  SpTeamDayGrid  *team_grid;
  SpKeyFiguresPanel *key_figures;
  SpWorklogTeamSummary *team_summary;
};

const char *_sp_worklog_page_field_label        (SpWorklogField  field);
GtkWidget  *_sp_worklog_page_create_label       (const char     *text,
                                                 float           xalign);
/* sp-worklog-page-form.c: building the form, loading the entry, saving what was typed. */
void        _sp_worklog_page_create_form        (SpWorklogPage  *self);
void        _sp_worklog_page_load_entry         (SpWorklogPage  *self);
void        _sp_worklog_page_save_dirty_fields  (SpWorklogPage  *self);
void        _sp_worklog_page_clear_messages     (SpWorklogPage  *self);
/* "12 / 18" per activity: the day's count against what the workload formula requires. */
void        _sp_worklog_page_load_required      (SpWorklogPage  *self);
/* The "tomorrow's plan" of the rep's previous entry. */
void        _sp_worklog_page_load_previous_plan (SpWorklogPage  *self);
/* Week and month totals of the day's month. */
void        _sp_worklog_page_load_summaries     (SpWorklogPage  *self);

G_END_DECLS

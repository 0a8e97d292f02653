/* sp-worklog-page.h — the Work Log view: one rep's day, or the whole team's day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-page.h"
#include "sp-worklog.h"

G_BEGIN_DECLS

#define SP_TYPE_WORKLOG_PAGE (sp_worklog_page_get_type ())
G_DECLARE_FINAL_TYPE (SpWorklogPage, sp_worklog_page, SP, WORKLOG_PAGE, SpPage)

/* The day shown (today at first). */
void           sp_worklog_page_get_day         (SpWorklogPage  *self,
                                                GDate          *day);
void           sp_worklog_page_set_day         (SpWorklogPage  *self,
                                                const GDate    *day);
/* The rep shown; 0 when there are no reps. */
gint64         sp_worklog_page_get_rep         (SpWorklogPage  *self);
void           sp_worklog_page_set_rep         (SpWorklogPage  *self,
                                                gint64          rep_id);
/* The entry (or text view) of @field in the rep's form, for tests. */
GtkWidget     *sp_worklog_page_get_field_widget (SpWorklogPage *self,
                                                 SpWorklogField field);
/* The inline message under the form ("" when none), for tests. */
const char    *sp_worklog_page_get_error_text  (SpWorklogPage  *self);
/* Shows the team's day grid (TRUE) or the rep's form. */
void           sp_worklog_page_show_team       (SpWorklogPage  *self,
                                                gboolean        team);

G_END_DECLS

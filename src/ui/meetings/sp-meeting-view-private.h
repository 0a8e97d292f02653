/* sp-meeting-view-private.h — what the meeting view's files (and its UI test) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-model.h"
#include "sp-meeting.h"
#include "sp-meeting-action.h"
#include "sp-meeting-agenda.h"

#include "sp-meeting-view.h"

G_BEGIN_DECLS

struct _SpMeetingView
{
  GtkWidget         parent_instance;

  SpWorkspace      *workspace;
  gint64            meeting_id;
  SpMeeting        *meeting;
  SpMeetingAgenda  *agenda;
  gboolean          presenting;
  gboolean          loading;     /* handlers ignore what a reload sets */

  /* Template children */
  GtkLabel         *title;
  GtkLabel         *subtitle;
  GtkSwitch        *held;
  GtkLabel         *counter;
  GtkWidget        *navigator;     /* the section navigator, hidden when presenting */
  GtkDropDown      *sections;
  GtkStringList    *section_names;
  GtkStack         *slides;

  /* Per section key: where the agenda's figures go (a GtkBox whose child is replaced on each
   * reload) and the minutes. */
  GHashTable       *data_boxes;  /* key → GtkBox */
  GHashTable       *notes;       /* key → GtkTextView */
  /* Tables shown, by name ("results", "ranking-reps", …), for tests. */
  GHashTable       *tables;      /* name → GtkGrid */

  GtkBox           *attendees_box;
  GListModel       *reps;        /* SpRep on the team (for owners and attendees) */
  GPtrArray        *attendee_checks;  /* GtkCheckButton per rep of @reps */

  GListModel       *carried;     /* SpActionItem */
  GListModel       *own;         /* SpActionItem */
  GtkListBox       *carried_list;
  GtkListBox       *own_list;
  GtkEntry         *action_text;
  GtkDropDown      *action_owner;
  GtkDropDown      *action_phase;
  GtkMenuButton    *action_due_button;
  GtkCalendar      *action_due;
};

/* sp-meeting-view-agenda.c: the figures of section @key of @self->agenda in @box; FALSE
 * when the section has none (it is minutes only). */
gboolean    _sp_meeting_view_fill_section (SpMeetingView *self,
                                           const char    *key,
                                           GtkBox        *box);
/* How a figure is written: a count, money, a rate, a count against what was required
 * ("8 / 10"; the count alone without a requirement). */
char       *_sp_meeting_format_count      (gint64         value);
char       *_sp_meeting_format_money      (SpMeetingView *self,
                                           gint64         amount);
char       *_sp_meeting_format_rate       (SpRate         rate);
char       *_sp_meeting_format_against    (gint64         value,
                                           gboolean       has_required,
                                           gint64         required);
/* A table the test reads: the text of cell (@row, @column) of table @name, rows counted
 * without the heading; NULL when there is no such cell. */
const char *_sp_meeting_view_get_cell     (SpMeetingView *self,
                                           const char    *name,
                                           guint          row,
                                           guint          column);
guint       _sp_meeting_view_get_n_rows   (SpMeetingView *self,
                                           const char    *name);
/* The action items lists, for tests. */
GtkListBox *_sp_meeting_view_get_carried  (SpMeetingView *self);
GtkListBox *_sp_meeting_view_get_own      (SpMeetingView *self);
/* Adds an action item as the form would (tests fill the form and call this). */
void        _sp_meeting_view_add_action   (SpMeetingView *self);
/* sp-meeting-view-actions.c: the Action items slide (the items carried in, the meeting's
 * own, the form that adds one) and its reload. */
GtkWidget  *_sp_meeting_view_build_actions (SpMeetingView *self);
void        _sp_meeting_view_load_actions  (SpMeetingView *self);
/* A message at the bottom of the window (a refused edit). */
void        _sp_meeting_view_toast        (SpMeetingView *self,
                                           const char    *message);
GtkTextView *_sp_meeting_view_get_note    (SpMeetingView *self,
                                           const char    *key);

G_END_DECLS

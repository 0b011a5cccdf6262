-- The Today screen's list in one statement, for SQLite and PostgreSQL alike.
-- One row per group and therapist (a group without therapists: one row with NULLs there),
-- with the group's active participants, sessions held and planned, and its first planned
-- group session on or after today (one-to-one module 1 meetings are not the group's).
-- It must give what GroupService.overview gives: tests/test_today_overview.py compares them.
WITH active AS (
    SELECT group_id, COUNT(*) AS participants
    FROM enrolment
    WHERE left_on IS NULL
    GROUP BY group_id
), counted AS (
    SELECT group_id,
           SUM(CASE WHEN status = 'held' THEN 1 ELSE 0 END) AS held,
           SUM(CASE WHEN status = 'planned' THEN 1 ELSE 0 END) AS planned
    FROM group_session
    WHERE participant_id IS NULL
    GROUP BY group_id
), therapists AS (
    SELECT gt.group_id, t.id AS therapist_id, t.name, gt.role
    FROM group_therapist AS gt
    JOIN therapist AS t ON t.id = gt.therapist_id
)
SELECT g.id, g.name, g.location, g.status,
       l.therapist_id, l.name, l.role,
       COALESCE(a.participants, 0), COALESCE(c.held, 0), COALESCE(c.planned, 0),
       n.id, n.date, n.start_time, n.minutes, n.module_id, n.topic_id, n.status
FROM course_group AS g
LEFT JOIN therapists AS l ON l.group_id = g.id
LEFT JOIN active AS a ON a.group_id = g.id
LEFT JOIN counted AS c ON c.group_id = g.id
-- The group's first planned session from today: a look-up in the (group_id, date) index per group.
LEFT JOIN group_session AS n ON n.id = (
    SELECT s.id FROM group_session AS s
    WHERE s.group_id = g.id AND s.date >= :today AND s.status = 'planned' AND s.participant_id IS NULL
    ORDER BY s.date, s.start_time, s.id
    LIMIT 1
)
WHERE g.archived_at IS NULL
ORDER BY g.name, g.id

"""Prevention work (宣传防范): communities and their targets, activities and their reach, scorecards and the
督导考评 report, 知识竞答 quizzes, and the public library of masked typical cases."""

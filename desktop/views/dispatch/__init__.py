"""The Dispatch screen (issue 5): incidents and one-click dispatch, the squad board, equipment,
training. `screen.DispatchScreen` composes the tabs; see its docstring for the keys."""

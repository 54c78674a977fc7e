//! The policy-simulation widget (Yew app); built out in the widget issue.

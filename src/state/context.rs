//! The state's provider and its hook: components read the state and dispatch to it with
//! [`use_app`] inside an [`AppProvider`].

use yew::prelude::*;

use super::AppState;

/// The app state as components see it: read it, dispatch actions to it.
pub type StateHandle = UseReducerHandle<AppState>;

/// The app state from the nearest provider.
///
/// # Panics
/// Outside an [`AppProvider`] (a programming error, caught by the component tests).
#[hook]
pub fn use_app() -> StateHandle {
    use_context::<StateHandle>().expect("components must be rendered inside AppProvider")
}

/// Properties of [`AppProvider`].
#[derive(Properties, PartialEq)]
pub struct AppProviderProps {
    /// The state to start from.
    pub initial: AppState,
    /// The components that read and change it.
    pub children: Html,
}

/// Holds the app state and publishes it to its children. Used by the page, and by the
/// component tests without a worker.
#[component]
pub fn AppProvider(props: &AppProviderProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || initial);
    html! {
        <ContextProvider<StateHandle> context={state}>
            { props.children.clone() }
        </ContextProvider<StateHandle>>
    }
}

//! Summaries of several scenarios at once, for the comparison view: computed one after
//! another in workers of their own (two at most; never the main simulation's, which they
//! would supersede), and remembered for the session.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use adoption_formats::ScenarioJson;
use adoption_model::{Scenario, Summary};
use yew::prelude::*;

use crate::worker::{Answer, Simulator, pool_size};

/// Jobs waiting, the one in flight, and the results so far.
#[derive(Default)]
struct Queue {
    waiting: VecDeque<(String, Scenario)>,
    in_flight: Option<(u64, String)>,
    next_id: u64,
    /// Finished jobs by scenario JSON (a handful: a list is enough).
    done: Vec<(String, Compared)>,
}

/// Where one compared scenario stands.
#[derive(Clone, PartialEq)]
pub enum Compared {
    /// Waiting or being computed.
    Computing,
    /// Computed.
    Ready(Rc<Summary>),
    /// The simulator refused or failed it.
    Failed,
}

impl Queue {
    fn has(&self, key: &str) -> bool {
        self.done.iter().any(|(k, _)| k == key)
    }

    fn get(&self, key: &str) -> Compared {
        self.done
            .iter()
            .find(|(k, _)| k == key)
            .map_or(Compared::Computing, |(_, s)| s.clone())
    }

    /// Sends the next waiting job if none is in flight (the worker only finishes the
    /// newest job it has, so they go one at a time).
    fn pump(&mut self, simulator: &Simulator) {
        while self.in_flight.is_none() {
            let Some((key, scenario)) = self.waiting.pop_front() else {
                return;
            };
            if self.has(&key) {
                continue;
            }
            self.next_id += 1;
            match simulator.send(self.next_id, &scenario) {
                Ok(()) => self.in_flight = Some((self.next_id, key)),
                Err(_) => self.done.push((key, Compared::Failed)),
            }
        }
    }
}

/// Where each scenario stands.
#[hook]
pub fn use_compare(scenarios: Vec<Scenario>, module_url: AttrValue) -> Vec<Compared> {
    let queue: Rc<RefCell<Queue>> = use_mut_ref(Queue::default).clone();
    let refresh = use_force_update();
    let simulator = {
        let queue = queue.clone();
        use_memo((), move |_| {
            // The worker answers through this cell, filled once the simulator exists; weak,
            // so that the simulator (and its worker) goes when the comparison closes.
            let me: Rc<RefCell<Weak<Simulator>>> = Rc::default();
            let answer_queue = queue.clone();
            let me_in_answer = me.clone();
            let simulator = Simulator::spawn(&module_url, pool_size().min(2), move |answer| {
                let mut q = answer_queue.borrow_mut();
                let (Answer::Summary { id, .. } | Answer::Failed { id, .. }) = &answer;
                let Some((_, key)) = q.in_flight.take_if(|(want, _)| want == id) else {
                    return;
                };
                if let Answer::Summary {
                    summary,
                    done: true,
                    ..
                } = answer
                {
                    q.done.push((key, Compared::Ready(summary)));
                } else if let Answer::Summary { .. } = answer {
                    // A partial result: keep waiting for this job.
                    q.in_flight = Some((*id, key));
                    return;
                } else {
                    q.done.push((key, Compared::Failed));
                }
                if let Some(s) = me_in_answer.borrow().upgrade() {
                    q.pump(&s);
                }
                // The queue is released before the page redraws and reads it.
                drop(q);
                refresh.force_update();
            })
            .map(Rc::new);
            if let Some(s) = &simulator {
                *me.borrow_mut() = Rc::downgrade(s);
            }
            simulator
        })
    };
    let keys: Vec<String> = scenarios.iter().map(Scenario::to_json).collect();
    {
        let queue = queue.clone();
        let jobs: Vec<(String, Scenario)> = keys.iter().cloned().zip(scenarios).collect();
        use_effect_with(keys.clone(), move |_| {
            let mut q = queue.borrow_mut();
            for job in jobs {
                if !q.has(&job.0) {
                    q.waiting.push_back(job);
                }
            }
            match simulator.as_ref() {
                Some(s) => q.pump(s),
                // No worker (the browser refused one): nothing will be computed.
                None => {
                    while let Some((key, _)) = q.waiting.pop_front() {
                        q.done.push((key, Compared::Failed));
                    }
                }
            }
        });
    }
    let q = queue.borrow();
    keys.iter().map(|k| q.get(k)).collect()
}
